/**
 * Pages that change shape as the archive grows, built from a synthetic archive
 * (the bench's generator) with more agencies than the 18-report archive has.
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateArchive } from '../../src/cli/bench/generate.ts';
import { METRIC_TRENDS_MAX_AGENCIES } from '../../src/lib/metric-view.ts';
import { buildDir, buildSite } from '../helpers/build.ts';

let work: string;
let agencies: number;

beforeAll(async () => {
  work = buildDir('scale-');
  const generated = await generateArchive(join(work, 'content'), 18 * (METRIC_TRENDS_MAX_AGENCIES + 2), 3);
  agencies = generated.agencies;
  const built = buildSite({ NIANBAO_CONTENT: join(work, 'content'), NIANBAO_OUT: join(work, 'dist') });
  if (built.status !== 0) throw new Error(`build failed:\n${built.stdout}\n${built.stderr}`);
});

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

const page = (path: string) => parse(readFileSync(join(work, 'dist', path, 'index.html'), 'utf8'));

describe('an archive with many agencies', () => {
  it('draws no trend chart per agency on a metric page past the limit, and says where the charts are', () => {
    expect(agencies).toBeGreaterThan(METRIC_TRENDS_MAX_AGENCIES);
    const doc = page('metrics/proactive_total');
    const rows = doc.querySelectorAll('table.cross-year tbody tr').length;
    expect(rows).toBeGreaterThan(METRIC_TRENDS_MAX_AGENCIES);
    expect(doc.querySelectorAll('figure.trend')).toHaveLength(0);
    expect(doc.querySelector('.trend-elsewhere')!.text).toContain(`共 ${rows} 个机构`);
    // The agency pages still have theirs.
    const agency = doc.querySelector('table.cross-year tbody tr th a')!.getAttribute('href')!;
    expect(page(agency.slice(1)).querySelectorAll('figure.trend').length).toBeGreaterThan(0);
  });

  it('states table 三\'s unit once and links each row\'s quote from its header, not from every cell', () => {
    // A report of the 2021 template, which has table 三 by applicant.
    const id = readdirSync(join(work, 'content', 'reports'))
      .flatMap((agency) => readdirSync(join(work, 'content', 'reports', agency)).map((file) => join(agency, file)))
      .find((file) => /\nedition: '?2021'?\n/.test(readFileSync(join(work, 'content', 'reports', file), 'utf8')))!;
    const report = page(`reports/${id.replace(/\.md$/, '')}`);
    const matrix = report.querySelector('table.metric-matrix')!;
    expect(matrix.querySelector('caption')!.text).toContain('单位：件');
    const rows = matrix.querySelectorAll('tbody tr');
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      const header = row.querySelector('th a.row-quote');
      if (!header) continue;
      expect(header.getAttribute('href')).toMatch(/^#quote-\d+$/);
      expect(row.querySelectorAll('td a.quote-link').filter((a) => a.getAttribute('href') === header.getAttribute('href'))).toHaveLength(0);
      expect(row.querySelectorAll('td .unit')).toHaveLength(0);
    }
  });
});
