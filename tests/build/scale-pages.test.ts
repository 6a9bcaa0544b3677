/**
 * Pages that change shape as the archive grows, built from a synthetic archive of
 * 2,000 reports (the bench's generator): every page within the size budget, lists
 * that grow with the archive cut into linked pages, and no report lost from them.
 */
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateArchive } from '../../src/cli/bench/generate.ts';
import { largestPages, PAGE_BUDGET_GZIP } from '../../src/cli/page-sizes.ts';
import { FEED_ENTRIES } from '../../src/lib/feed.ts';
import { METRIC_RANKING_TOP, METRIC_TRENDS_MAX_AGENCIES } from '../../src/lib/metric-view.ts';
import { AGENCIES_LISTED_INLINE, PAGE_SIZES } from '../../src/lib/paginate.ts';
import { buildDir, buildSite } from '../helpers/build.ts';

let work: string;
let agencies: number;
let reportFiles: string[];

/** The size the issue names: pages that grow with the archive are already past their page size here. */
const REPORTS = 2000;

beforeAll(async () => {
  work = buildDir('scale-');
  const generated = await generateArchive(join(work, 'content'), REPORTS, 3);
  agencies = generated.agencies;
  reportFiles = readdirSync(join(work, 'content', 'reports')).flatMap((agency) =>
    readdirSync(join(work, 'content', 'reports', agency)).map((file) => `${agency}/${file.replace(/\.md$/, '')}`));
  const built = buildSite({ NIANBAO_CONTENT: join(work, 'content'), NIANBAO_OUT: join(work, 'dist') });
  if (built.status !== 0) throw new Error(`build failed:\n${built.stdout}\n${built.stderr}`);
});

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

const page = (path: string) => parse(readFileSync(join(work, 'dist', path.replace(/^\//, ''), 'index.html'), 'utf8'));

/** Every page of a paginated list, from its first page along rel="next", checking that rel="prev" leads back. */
function pagesOf(first: string) {
  const pages = [];
  let path: string | undefined = first;
  let previous: string | undefined;
  while (path) {
    const doc = page(path);
    expect(doc.querySelector('link[rel="prev"]')?.getAttribute('href')).toBe(previous);
    pages.push({ path, doc });
    previous = path;
    path = doc.querySelector('link[rel="next"]')?.getAttribute('href') ?? undefined;
    expect(pages.length).toBeLessThan(1000);
  }
  return pages;
}

describe('the size budget', () => {
  it(`keeps every page at most ${PAGE_BUDGET_GZIP / 1024} KB gzip`, () => {
    expect(reportFiles).toHaveLength(REPORTS);
    const [largest] = largestPages(join(work, 'dist'), 1);
    expect(largest!.gzip).toBeGreaterThan(0);
    expect(largest!.gzip, largest!.path).toBeLessThanOrEqual(PAGE_BUDGET_GZIP);
  });

  it('has no large JSON for a page to fetch: the type-ahead index and each agency\'s file stay small', () => {
    const size = (path: string) => statSync(join(work, 'dist', path)).size;
    expect(size('data/agency-index.json')).toBeGreaterThan(0);
    expect(size('data/agency-index.json')).toBeLessThan(PAGE_BUDGET_GZIP);
    const largestAgency = Math.max(...readdirSync(join(work, 'dist', 'data', 'agencies')).map((f) => size(`data/agencies/${f}`)));
    expect(largestAgency).toBeLessThan(1024 * 1024);
    // The compare page itself lists no agency.
    expect(readFileSync(join(work, 'dist', 'compare', 'index.html'), 'utf8')).not.toContain(reportFiles[0]!.split('/')[0]!);
  });

  it('keeps the feed to the newest reports and lists every report in the sitemap', () => {
    const feed = readFileSync(join(work, 'dist', 'feed.xml'), 'utf8');
    expect(feed.match(/<entry>/g)).toHaveLength(FEED_ENTRIES);
    const map = readFileSync(join(work, 'dist', 'sitemap.xml'), 'utf8');
    for (const id of reportFiles) expect(map).toContain(`/reports/${id}/</loc>`);
  });

  it('lists each year\'s reports a page at a time, with stable numbered URLs, and loses none', () => {
    const years = [...new Set(reportFiles.map((id) => Number(id.split('/')[1])))];
    const listed: string[] = [];
    let paginated = 0;
    for (const year of years) {
      const pages = pagesOf(`/years/${year}/`);
      const own = reportFiles.filter((id) => id.endsWith(`/${year}`));
      expect(pages).toHaveLength(Math.ceil(own.length / PAGE_SIZES.yearReports));
      if (pages.length > 1) paginated++;
      pages.forEach(({ path, doc }, i) => {
        expect(path).toBe(i === 0 ? `/years/${year}/` : `/years/${year}/page/${i + 1}/`);
        const links = doc.querySelectorAll('ul.report-list a').map((a) => a.getAttribute('href')!.replace(/^\/reports\/|\/$/g, ''));
        expect(links.length).toBeLessThanOrEqual(PAGE_SIZES.yearReports);
        // The page's core table has the same reports as its list.
        expect(doc.querySelectorAll('table.core-table tbody tr').map((tr) => tr.getAttribute('data-report'))).toEqual(links);
        listed.push(...links);
        if (pages.length > 1) {
          expect(doc.querySelector('nav.pager [aria-current="page"]')!.text).toBe(String(i + 1));
          expect(doc.querySelector('title')!.text).toContain(i === 0 ? `${year}年度报告` : `（第 ${i + 1} 页）`);
        }
      });
    }
    expect(paginated).toBeGreaterThan(0);
    expect(listed.sort()).toEqual([...reportFiles].sort());
  });

  it('cuts a metric\'s cross-year table into pages of agencies and ranks only the top of each year', () => {
    const pages = pagesOf('/metrics/proactive_total/');
    expect(pages.length).toBeGreaterThan(1);
    const rows = pages.flatMap(({ doc }) => doc.querySelectorAll('table.cross-year tbody tr').map((tr) => tr.getAttribute('data-agency')));
    expect(new Set(rows).size).toBe(rows.length);
    expect(pages[0]!.doc.text).toContain(`共 ${rows.length} 个机构至少报告过一次此项`);
    const rankings = pages[0]!.doc.querySelectorAll('section.ranking');
    expect(rankings.length).toBeGreaterThan(0);
    for (const ranking of rankings) {
      const ranks = ranking.querySelectorAll('li').map((li) => Number(li.getAttribute('value')));
      expect(ranks.length).toBeLessThanOrEqual(METRIC_RANKING_TOP);
      expect(Math.max(...ranks)).toBeLessThanOrEqual(METRIC_RANKING_TOP);
    }
    expect(pages[1]!.doc.querySelectorAll('section.ranking')).toHaveLength(0);
  });

  it('lists regions, not every agency, on the home page and the agency index past the inline limit', () => {
    expect(agencies).toBeGreaterThan(AGENCIES_LISTED_INLINE);
    for (const path of ['/', '/agencies/']) {
      const doc = page(path);
      expect(doc.querySelectorAll('a[href^="/agencies/"]').filter((a) => a.getAttribute('href') !== '/agencies/')).toHaveLength(0);
      expect(doc.querySelectorAll('a[href^="/regions/"]').length).toBeGreaterThan(0);
    }
    // Every agency is on the pages of its province.
    const provinces = [...new Set(page('/agencies/').querySelectorAll('h2 a[href^="/regions/"]').map((a) => a.getAttribute('href')!))];
    const listed = provinces.flatMap((p) => pagesOf(p).flatMap(({ doc }) => doc.querySelectorAll('ul.agency-list a').map((a) => a.getAttribute('href'))));
    expect(listed).toHaveLength(agencies);
    expect(new Set(listed).size).toBe(agencies);
  });

  it('names reports by agency and year on the quality pages, filtered by check and by province, and loses no finding', () => {
    const overview = page('/quality/');
    const total = Number(overview.querySelector('[data-kind="all"] strong')!.text);
    expect(total).toBeGreaterThan(PAGE_SIZES.findings);
    const all = pagesOf('/quality/all/');
    expect(all.length).toBe(Math.ceil(total / PAGE_SIZES.findings));
    const items = all.flatMap(({ doc }) => doc.querySelectorAll('ul.findings li'));
    expect(items).toHaveLength(total);
    for (const li of items.slice(0, 50)) {
      const link = li.querySelector('a')!;
      expect(link.getAttribute('href')).toBe(`/reports/${li.getAttribute('data-report')}/`);
      expect(link.text).toMatch(/^\S+ \d{4}年度$/);
      expect(link.text).not.toContain('/');
    }
    // Each check's list, and each province's, add up to the whole.
    const kinds = overview.querySelectorAll('li[data-kind]').map((li) => li.getAttribute('data-kind')!).filter((k) => k !== 'all');
    const byKind = kinds.map((k) => Number(overview.querySelector(`li[data-kind="${k}"] strong`)!.text));
    expect(byKind.reduce((a, b) => a + b, 0)).toBe(total);
    const provinceCells = overview.querySelectorAll('table.quality-matrix tbody tr').map((tr) => Number(tr.querySelectorAll('td')[0]!.text));
    expect(provinceCells.reduce((a, b) => a + b, 0)).toBe(total);
    const firstProvince = overview.querySelector('table.quality-matrix tbody tr td a')!.getAttribute('href')!;
    const inProvince = pagesOf(firstProvince).flatMap(({ doc }) => doc.querySelectorAll('ul.findings li'));
    expect(inProvince).toHaveLength(provinceCells[0]!);
  });
});

describe('an archive with many agencies', () => {
  it('draws no trend chart per agency on a metric page past the limit, and says where the charts are', () => {
    expect(agencies).toBeGreaterThan(METRIC_TRENDS_MAX_AGENCIES);
    const doc = page('metrics/proactive_total');
    const rows = doc.querySelectorAll('table.cross-year tbody tr').length;
    expect(rows).toBeGreaterThan(METRIC_TRENDS_MAX_AGENCIES);
    expect(doc.querySelectorAll('figure.small-multiple')).toHaveLength(0);
    expect(doc.querySelector('.trend-elsewhere')!.text).toMatch(/共 \d+ 个机构/);
    // The agency pages have each core metric's sparkline.
    const agency = doc.querySelector('table.cross-year tbody tr th a')!.getAttribute('href')!;
    expect(page(agency).querySelectorAll('table.core-summary svg.sparkline').length).toBeGreaterThan(0);
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
