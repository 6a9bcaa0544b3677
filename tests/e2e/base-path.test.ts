/**
 * The archive under a sub-path (as on GitHub Pages): every internal link, the
 * search and the data files must respect BASE_PATH.
 */
import { existsSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.ts';
import { buildDir, buildSite } from '../helpers/build.ts';
import { serveStatic, type StaticServer } from '../helpers/serve.ts';

const BASE = '/nianbao/';
let out: string;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  out = buildDir('base-');
  const build = buildSite({ BASE_PATH: BASE, SITE_URL: 'https://example.github.io', NIANBAO_OUT: out });
  if (build.status !== 0) throw new Error(`build with base failed:\n${build.stdout}\n${build.stderr}`);
  server = await serveStatic(out, BASE);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (out) rmSync(out, { recursive: true, force: true });
});

describe('a build under a sub-path', () => {
  it('prefixes every internal link, script, stylesheet and form with the base, and each resolves', () => {
    const pages = (readdirSync(out, { recursive: true }) as string[]).filter((f) => f.endsWith('.html'));
    const wrong: string[] = [];
    for (const page of pages) {
      const doc = parse(readFileSync(join(out, page), 'utf8'));
      for (const el of doc.querySelectorAll('a[href], link[href], script[src], form[action]')) {
        const raw = el.getAttribute('href') ?? el.getAttribute('src') ?? el.getAttribute('action')!;
        if (/^([a-z][a-z0-9+.-]*:|\/\/)/i.test(raw) || raw.startsWith('#')) continue; // other schemes and hosts are not ours
        if (!raw.startsWith(BASE)) {
          wrong.push(`${page}: ${raw}`);
          continue;
        }
        const path = join(out, decodeURIComponent(raw.slice(BASE.length).split(/[?#]/)[0]!));
        const ok = (existsSync(path) && statSync(path).isFile()) || existsSync(join(path, 'index.html'));
        if (!ok) wrong.push(`${page}: ${raw} (missing)`);
      }
    }
    expect(wrong).toEqual([]);
    const home = parse(readFileSync(join(out, 'index.html'), 'utf8'));
    expect(home.querySelector('link[rel="canonical"]')!.getAttribute('href')).toBe('https://example.github.io/nianbao/');
    expect(readFileSync(join(out, 'feed.xml'), 'utf8')).toContain('<link rel="alternate" type="text/html" href="https://example.github.io/nianbao/reports/');
  });

  it('searches under the base, linking results to it', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}search/?q=${encodeURIComponent('晋商杯')}`);
    await page.waitForSelector('#search-results li');
    const href = await page.getAttribute('#search-results a.result-title', 'href');
    expect(href).toMatch(/^\/nianbao\/reports\/140700-jiaoyuju\/2014\//);
    await page.click('#search-results a.result-title');
    await page.waitForURL(/\/nianbao\/reports\/140700-jiaoyuju\/2014\//);
    expect(await page.textContent('h1')).toBe('晋中市教育局2014年政府信息公开年度报告');
    await page.close();
  });

  it('serves the data files under the base and links them from the data page', async () => {
    const page = await browser.newPage();
    const response = await page.goto(`${server.url}data/`);
    expect(response!.status()).toBe(200);
    const csv = await page.getAttribute('a[href$="reports.csv"]', 'href');
    expect(csv).toBe('/nianbao/data/reports.csv');
    const body = await (await page.request.get(new URL(csv!, server.url).href)).text();
    expect(body.charCodeAt(0)).toBe(0xfeff);
    await page.close();
  });
});
