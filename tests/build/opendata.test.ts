import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { CORE_METRICS, coreValue } from '../../src/lib/catalogue/core.ts';
import { METRICS } from '../../src/lib/catalogue/index.ts';
import { contentFiles, contentReports, type ContentReport } from '../helpers/content.ts';
import { DIST, requireDist } from '../helpers/dist.ts';

const read = (path: string) => readFileSync(join(DIST, 'data', path), 'utf8');
const json = (path: string) => JSON.parse(read(path)) as unknown;

let reports: ContentReport[];
let rows: Record<string, string>[];
let header: string[];
let csvText: string;

beforeAll(async () => {
  requireDist();
  reports = await contentReports();
  csvText = read('reports.csv');
  const records = parse(csvText.replace(/^\uFEFF/, ''), { skip_empty_lines: false }) as string[][];
  header = records[0]!;
  rows = records.slice(1).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]!])));
});

describe('reports.csv', () => {
  it('starts with a BOM and has one row per report', () => {
    expect(csvText.charCodeAt(0)).toBe(0xfeff);
    expect(rows).toHaveLength(reports.length);
    expect(rows.map((r) => r['id']).sort()).toEqual(reports.map((r) => r.id).sort());
  });

  it('round-trips every value and approximation; empty means not reported', () => {
    for (const report of reports) {
      const row = rows.find((r) => r['id'] === report.id)!;
      // Every report of the archive is an editor's (no machine import), so an empty cell is 报告未载明, not 未摘录.
      expect(row['review_status'], report.id).toBe(report.data.review?.status ?? 'editor');
      const approx = new Set(row['approx_metrics']!.split(';').filter(Boolean));
      for (const m of METRICS) {
        const value = report.data.metrics[m.id];
        expect(row[m.id], `${report.id} ${m.id}`).toBe(value ? String(value.value) : '');
        expect(approx.has(m.id), `${report.id} ${m.id} approx`).toBe(value?.approx ?? false);
      }
      for (const c of CORE_METRICS) {
        const cv = coreValue(report.data, c).value;
        expect(row[c.id], `${report.id} ${c.id}`).toBe(cv ? String(cv.value) : '');
      }
      expect(Number(row['year'])).toBe(report.data.year);
      expect(row['title']).toBe(report.data.title);
    }
    const zhangdian = rows.find((r) => r['id'] === '370303-jiaoyuju/2014')!;
    expect(zhangdian['proactive_total']).toBe('600');
    expect(zhangdian['approx_metrics']!.split(';')).toContain('proactive_total');
    expect(rows.find((r) => r['id'] === '350421-jiaoyuju/2014')!['proactive_total']).toBe('');
  });

  it('is described field by field by datapackage.json', () => {
    const pkg = json('datapackage.json') as { resources: { path: string; encoding: string; schema: { fields: { name: string; type: string }[] } }[] };
    const resource = pkg.resources[0]!;
    expect(resource.path).toBe('reports.csv');
    expect(resource.encoding).toBe('utf-8-sig');
    expect(resource.schema.fields.map((f) => f.name)).toEqual(header);
    const types = new Map(resource.schema.fields.map((f) => [f.name, f.type]));
    for (const row of rows) {
      for (const [name, value] of Object.entries(row)) {
        if (value === '') continue;
        const type = types.get(name);
        if (type === 'integer') expect(value, name).toMatch(/^-?\d+$/);
        if (type === 'number') expect(Number.isFinite(Number(value)), name).toBe(true);
        if (type === 'date') expect(value, name).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }
    }
  });
});

describe('JSON data files', () => {
  // zod writes JSON Schema draft 2020-12.
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  const validate = (schema: string, data: unknown) => {
    const check = ajv.getSchema(`${schema}.schema.json`) ?? ajv.compile(json(`schemas/${schema}.schema.json`) as object);
    const ok = check(data);
    return ok ? [] : (check.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
  };

  it('validate against their own published schemas', async () => {
    expect(validate('agencies', json('agencies.json'))).toEqual([]);
    expect(validate('metrics', json('metrics.json'))).toEqual([]);
    const agencyIds = (await contentFiles()).filter((f) => f.path.startsWith('content/agencies/')).map((f) => f.path.replace(/^content\/agencies\/|\.yaml$/g, ''));
    for (const id of agencyIds) expect(validate('agency', json(`agencies/${id}.json`)), id).toEqual([]);
  });

  it('hold the archive: every report with its metrics, every agency, the catalogue and the core mapping', () => {
    // Every report is in its agency's file (there is no whole-archive JSON: it grew with the archive and repeated these).
    const agencyIds = [...new Set(reports.map((r) => r.data.agency))];
    const all = agencyIds.flatMap((id) => (json(`agencies/${id}.json`) as { reports: { id: string; metrics: Record<string, { value: number; approx: boolean; quote?: string }> }[] }).reports);
    expect(existsSync(join(DIST, 'data/reports.json'))).toBe(false);
    expect(all.map((r) => r.id).sort()).toEqual(reports.map((r) => r.id).sort());
    for (const r of reports) {
      const out = all.find((x) => x.id === r.id)!;
      expect(Object.keys(out.metrics).sort()).toEqual(Object.keys(r.data.metrics).sort());
      for (const [id, v] of Object.entries(r.data.metrics)) expect(out.metrics[id]).toMatchObject({ value: v.value, approx: v.approx });
    }
    const agency = json('agencies/350128-guanweihui.json') as { reports: unknown[] };
    expect(agency.reports).toHaveLength(reports.filter((r) => r.data.agency === '350128-guanweihui').length);
    const catalogue = json('metrics.json') as { metrics: { id: string }[]; core: { id: string; sources: object }[] };
    expect(catalogue.metrics).toHaveLength(METRICS.length);
    expect(catalogue.core.map((c) => c.id)).toEqual(CORE_METRICS.map((c) => c.id));
  });

  it('reject data that breaks the schema (the schemas are not empty)', () => {
    expect(validate('agency', { id: 1, reports: [{ id: 1 }] })).not.toEqual([]);
  });
});

describe('open data at scale: split by year, frames', () => {
  const years = () => [...new Set(reports.map((r) => r.data.year))].sort();

  it('splits reports.csv by year: the same header, and together exactly its rows', () => {
    const all: string[] = [];
    for (const year of years()) {
      const text = read(`reports/${year}.csv`);
      expect(text.charCodeAt(0)).toBe(0xfeff);
      const records = parse(text.replace(/^\uFEFF/, '')) as string[][];
      expect(records[0]).toEqual(header);
      const ids = records.slice(1).map((r) => r[header.indexOf('id')]!);
      expect(ids.every((id) => id.endsWith(`/${year}`))).toBe(true);
      all.push(...records.slice(1).map((r) => r.join('\u0001')));
    }
    const whole = (parse(csvText.replace(/^\uFEFF/, '')) as string[][]).slice(1).map((r) => r.join('\u0001'));
    expect(all.sort()).toEqual(whole.sort());
  });

  it('gives each core metric across all agencies for one year: every report stating it, as stated, and no other', () => {
    const ajv = new Ajv2020({ strict: false });
    const valid = ajv.compile(json('schemas/frame.schema.json') as object);
    let frames = 0;
    for (const metric of CORE_METRICS.map((c) => c.id)) {
      for (const year of years()) {
        const frame = json(`frames/${metric}/${year}.json`) as { reports: number; stated: number; rows: { agency: string; name: string; value: number; approx: boolean }[] };
        expect(valid(frame), JSON.stringify(valid.errors)).toBe(true);
        const ofYear = reports.filter((r) => r.data.year === year);
        const expected = ofYear.flatMap((r) => {
          const core = CORE_METRICS.find((c) => c.id === metric);
          const v = core ? coreValue(r.data, core).value : r.data.metrics[metric];
          return v ? [{ agency: r.data.agency, value: v.value, approx: v.approx }] : [];
        });
        expect(frame.reports).toBe(ofYear.length);
        expect(frame.stated).toBe(expected.length);
        const byAgency = (a: { agency: string }, b: { agency: string }) => a.agency.localeCompare(b.agency);
        expect(frame.rows.map(({ agency, value, approx }) => ({ agency, value, approx })).sort(byAgency)).toEqual(expected.sort(byAgency));
        // The CSV holds the same rows.
        const csv = parse(read(`frames/${metric}/${year}.csv`).replace(/^\uFEFF/, '')) as string[][];
        expect(csv[0]).toEqual(['agency', 'name', 'value', 'approx']);
        expect(csv.slice(1)).toEqual(frame.rows.map((r) => [r.agency, r.name, String(r.value), String(r.approx)]));
        frames++;
      }
    }
    expect(frames).toBeGreaterThan(10);
    // Frames are of the comparable core only.
    expect(existsSync(join(DIST, 'data', 'frames', 'admin_reviews'))).toBe(false);
  });
});
