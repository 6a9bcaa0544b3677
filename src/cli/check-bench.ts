/**
 * npm run bench:check -- [--reports 1000]: time `npm run check` (validation and
 * quality warnings) on a generated archive of that many reports: synthetic
 * agencies, each year filled with a real archive report of that year's edition.
 */
import { parseArgs } from 'node:util';
import { readContentFiles } from '../build/content-files.ts';
import { editionForYear } from '../lib/catalogue/index.ts';
import { splitFrontMatter } from '../lib/validate/front-matter.ts';
import { qualityWarnings } from '../lib/validate/quality-warnings.ts';
import { validateContentParsed, type ContentFile } from '../lib/validate/validate-content.ts';

const { values } = parseArgs({ options: { reports: { type: 'string', default: '1000' } } });
const target = Number(values.reports);
const real = (await readContentFiles(process.cwd())).filter((f) => f.path.startsWith('content/reports/'));
const byEdition = new Map<string, ContentFile[]>();
for (const f of real) {
  const edition = /\nedition: '?(\w+)'?/.exec(f.text)![1]!;
  byEdition.set(edition, [...(byEdition.get(edition) ?? []), f]);
}

const files: ContentFile[] = [];
const years = Array.from({ length: 17 }, (_, i) => 2008 + i);
for (let a = 0; files.filter((f) => f.path.includes('/reports/')).length < target; a++) {
  const id = `370303-bench${a}`;
  files.push({ path: `content/agencies/${id}.yaml`, text: `name: 测试机构${a}\nshortName: 测试机构${a}\nprovince: 山东省\ncity: 淄博市\ncounty: 张店区\ndivisionCode: "370303"\nlevel: 县级\nkind: 教育局\n` });
  for (const year of years) {
    const pool = byEdition.get(editionForYear(year)!)!;
    const source = pool[(a + year) % pool.length]!;
    const { frontMatter, body } = splitFrontMatter(source.text);
    const fm = frontMatter!.replace(/^agency: .*$/m, `agency: ${id}`).replace(/^year: .*$/m, `year: ${year}`);
    files.push({ path: `content/reports/${id}/${year}.md`, text: `---\n${fm}\n---\n${body}` });
  }
}
const reports = files.filter((f) => f.path.includes('/reports/')).length;
const started = performance.now();
const { problems, parsed } = validateContentParsed(files);
const validated = performance.now();
const warnings = qualityWarnings(parsed);
const done = performance.now();
console.log(`${reports} reports, ${files.length - reports} agencies: ${problems.filter((p) => p.severity === 'error').length} errors, ${warnings.length} quality warnings`);
console.log(`validation ${Math.round(validated - started)} ms + quality checks ${Math.round(done - validated)} ms = ${Math.round(done - started)} ms (target < 2000 ms)`);
