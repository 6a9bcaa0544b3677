/** npm run new -- --agency <id> --year <n>: write a skeleton report for the edition of that year. */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { skeletonReport } from '../lib/scaffold.ts';
import { parseYaml } from '../lib/validate/front-matter.ts';

const { values } = parseArgs({ options: { agency: { type: 'string' }, year: { type: 'string' }, out: { type: 'string', default: 'content' } } });
const fail = (message: string) => {
  console.error(message);
  process.exit(1);
};
if (!values.agency || !values.year) fail('用法：npm run new -- --agency <机构id> --year <年度>');
const year = Number(values.year);
if (!Number.isInteger(year)) fail(`--year 须为四位年份，而不是“${values.year}”`);
const agencyFile = join(values.out, 'agencies', `${values.agency}.yaml`);
if (!existsSync(agencyFile)) fail(`未知机构“${values.agency}”：${agencyFile} 不存在；先建立机构条目`);
const agency = parseYaml(await readFile(agencyFile, 'utf8')).data as { shortName?: string };
const target = join(values.out, 'reports', values.agency!, `${year}.md`);
if (existsSync(target)) fail(`${target} 已存在`);
try {
  const text = skeletonReport({ id: values.agency!, shortName: agency.shortName ?? values.agency! }, year);
  await mkdir(dirname(target), { recursive: true });
  await writeFile(target, text);
  console.log(`已写入 ${target}：照录正文、填写指标后运行 npm run check。`);
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
