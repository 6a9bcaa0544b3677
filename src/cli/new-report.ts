/** npm run new -- --agency <id> --year <n>: write a skeleton report for the edition of that year. */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { skeletonReport } from '../lib/scaffold.ts';
import { parseYaml } from '../lib/validate/front-matter.ts';
import { agencyFilePath, checkedYear, reportFilePath, resolveTarget, writeContentFile } from './content-writer.ts';

const { values } = parseArgs({ options: { agency: { type: 'string' }, year: { type: 'string' }, out: { type: 'string', default: 'content' } } });
const fail = (message: string) => {
  console.error(message);
  process.exit(1);
};
if (!values.agency || !values.year) fail('用法：npm run new -- --agency <机构id> --year <年度>');
try {
  // Id and year are checked before any path is made (content-writer.ts).
  const year = checkedYear(values.year);
  const agencyFile = resolveTarget(values.out, agencyFilePath(values.agency));
  if (!agencyFile.exists) fail(`未知机构“${values.agency}”：${agencyFile.target} 不存在；先建立机构条目`);
  const agency = parseYaml(await readFile(agencyFile.target, 'utf8')).data as { shortName?: string };
  const relative = reportFilePath(values.agency, year);
  const target = resolveTarget(values.out, relative);
  if (target.exists) fail(`${target.target} 已存在`);
  const text = skeletonReport({ id: values.agency!, shortName: agency.shortName ?? values.agency! }, year);
  const written = await writeContentFile(values.out, relative, text);
  console.log(`已写入 ${written.target}：照录正文、填写指标后运行 npm run check。`);
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
