import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { agencyOf, buildArchive, type Agency, type Report } from '../../src/lib/archive.ts';
import { COLUMNS } from '../../src/lib/opendata/columns.ts';
import { reportRow, reportsCsvPieces } from '../../src/lib/opendata/reports.ts';

const agency = (n: number): Agency => ({
  id: `3703${String(n).padStart(2, '0')}-a${n}`, name: `第${n}局, "甲"`, shortName: `第${n}局`, aliases: [], province: '山东省', city: '淄博市',
  divisionCode: `3703${String(n).padStart(2, '0')}`, level: '县级', kind: '教育局', stub: false, file: `content/agencies/a${n}.yaml`,
});
const report = (a: Agency, year: number, value: number): Report => ({
  id: `${a.id}/${year}`, file: `content/reports/${a.id}/${year}.md`, agency: a.id, year, title: `${year}年报告，含“引号”`,
  edition: year <= 2018 ? 'pre2019' : year <= 2020 ? '2019' : '2021', source: { file: 'x.txt', removed: [] },
  metrics: { proactive_total: { value, approx: value % 7 === 0, quote: `主动公开${value}条` } }, categories: [], notes: [],
});

describe('reports.csv in pieces', () => {
  // 2,350 reports: three pieces of rows, the last one partial.
  const agencies = Array.from({ length: 47 }, (_, i) => agency(i + 1));
  const archive = buildArchive(agencies, agencies.flatMap((a, i) => Array.from({ length: 50 }, (_, y) => report(a, 1990 + y, i * 100 + y))));

  it('joins to the file one stringify of every row would write: BOM, header, one row per report in order', () => {
    const pieces = [...reportsCsvPieces(archive)];
    expect(pieces.length).toBe(1 + 3);
    const whole = `\uFEFF${stringify([COLUMNS.map((c) => c.name), ...archive.reports.map((r) => reportRow(r, agencyOf(archive, r)))], { record_delimiter: 'unix' })}`;
    expect(pieces.join('')).toBe(whole);
    const rows = parse(pieces.join('').slice(1), { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r['id'])).toEqual(archive.reports.map((r) => r.id));
    expect(rows[1001]!['agency_name']).toBe(agencyOf(archive, archive.reports[1001]!).name);
  });

  it('writes a header alone for an empty archive', () => {
    expect([...reportsCsvPieces(buildArchive(agencies, []))].join('')).toBe(`\uFEFF${COLUMNS.map((c) => c.name).join(',')}\n`);
  });
});
