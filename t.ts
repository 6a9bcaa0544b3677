import { contentReports } from './tests/helpers/content.ts';
import { APPLICANT_COLUMNS, TABLE_3_ROWS } from './src/lib/catalogue/index.ts';
const reports = await contentReports();
for (const r of reports.filter((r) => r.data.edition !== 'pre2019')) {
  const m = r.data.metrics; const v = (id: string) => m[id]?.value;
  const cols = [...APPLICANT_COLUMNS.map((c) => '.' + c.id), ''];
  const rows = TABLE_3_ROWS.filter((x) => x.editions.includes(r.data.edition)).map((x) => x.id);
  const results = rows.filter((id) => id.startsWith('result_') && id !== 'result_total');
  const issues: string[] = [];
  for (const c of cols) {
    const lhs = (v('requests_new' + c) ?? NaN) + (v('requests_carried_over' + c) ?? NaN);
    const rhs = (v('result_total' + c) ?? NaN) + (v('requests_carried_forward' + c) ?? NaN);
    if (lhs !== rhs) issues.push(`identity${c || '.total'}: ${lhs} != ${rhs}`);
    const sum = results.reduce((a, id) => a + (v(id + c) ?? NaN), 0);
    if (sum !== v('result_total' + c)) issues.push(`sum results${c || '.total'}: ${sum} != ${v('result_total' + c)}`);
  }
  const missing3 = rows.flatMap((id) => cols.map((c) => id + c)).filter((id) => v(id) === undefined);
  for (const s of ['review', 'litigation_direct', 'litigation_after_review']) {
    const four = ['upheld', 'corrected', 'other', 'pending'].reduce((a, k) => a + (v(`${s}_${k}`) ?? NaN), 0);
    if (four !== v(`${s}_total`)) issues.push(`${s} total ${v(`${s}_total`)} != ${four}`);
  }
  const t2 = Object.keys(m).filter((k) => /^(rules|normdocs|licensing|other_services|penalty|enforcement|fee|procurement)/.test(k));
  console.log(r.id, Object.keys(m).length, 'metrics; table2:', t2.length, '; missing t3:', missing3.length, missing3.slice(0, 5).join(','), '\n  ', issues.join('\n   ') || 'identities hold');
  console.log('   prose:', Object.entries(m).filter(([k]) => !rows.some((x) => k.startsWith(x)) && !t2.includes(k) && !/^(review|litigation)_/.test(k)).map(([k, x]) => `${k}=${x.value}`).join(' '));
}
