import { readFileSync } from 'node:fs';
import { importReport } from './src/lib/importer/import-report.ts';
const agencies = [{ id: '350128-guanweihui', name: '平潭综合实验区管理委员会', shortName: '平潭综合实验区', aliases: ['平潭综合实验区管委会'] }, { id: '350128-renminzhengfu', name: '平潭县人民政府', shortName: '平潭县人民政府', aliases: [] }];
for (const path of process.argv.slice(2)) {
  const r = importReport(path, readFileSync(path), { agencies });
  console.log(`\n== ${r.agency}/${r.year} ${r.edition}`);
  for (const m of r.metrics.filter(m => !m.metric.includes('.'))) if (r.edition === 'pre2019' || !/^(result|requests|review|litigation)/.test(m.metric)) console.log(`  ${m.metric}=${m.approx ? '~' : ''}${m.value}  «${m.quote.slice(0, 110)}»`);
  for (const c of r.categories) console.log(`  [cat] ${c.label}=${c.value} «${c.quote}»`);
  for (const w of r.warnings) console.log('  WARN', w.slice(0, 200));
}
