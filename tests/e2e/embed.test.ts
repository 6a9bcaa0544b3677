/**
 * Charts to take away, in Chromium: an agency's chart embedded in another site's page renders alone in its
 * <iframe> with nothing requested from anyone but the archive; the PNG button makes a real PNG of it.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { serveStatic } from '../helpers/serve.ts';
import { useBuiltSite } from '../helpers/site.ts';

const site = useBuiltSite();

describe('embedded chart', () => {
  it('renders alone in an iframe of another page, requesting nothing from anyone but the archive', async () => {
    const page = await site.browser.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    const embed = `${site.server.url}embed/agencies/350128-guanweihui/core_requests/`;
    // A story on another site: a page of another origin (another server) frames the chart.
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-story-'));
    writeFileSync(join(dir, 'index.html'), `<!doctype html><html lang="zh-CN"><body><h1>报道</h1><iframe src="${embed}" width="640" height="380" title="图表"></iframe></body></html>`);
    writeFileSync(join(dir, '404.html'), '');
    const news = await serveStatic(dir);
    const story = news.url;
    await page.goto(story);
    const frame = page.frameLocator('iframe');
    await expect.poll(() => frame.locator('svg title').textContent()).toBe('平潭综合实验区：本年新收申请数（件）');
    expect(await frame.locator('svg').getByText('年报档案 ', { exact: false }).count()).toBe(1);
    expect(await frame.locator('figcaption a').getAttribute('href')).toMatch(/\/agencies\/350128-guanweihui\/$/);
    const origins = new Set(requests.map((u) => new URL(u).origin));
    expect([...origins].sort()).toEqual([new URL(story).origin, new URL(site.server.url).origin].sort());
    await page.close();
    await news.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('makes a PNG of the chart on the agency page', async () => {
    const page = await site.browser.newPage({ acceptDownloads: true });
    await page.goto(`${site.server.url}agencies/350128-guanweihui/`);
    const button = page.locator('.chart-figure button[data-png]').first();
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
    expect(download.suggestedFilename()).toMatch(/^350128-guanweihui-core_\w+\.png$/);
    const path = await download.path();
    const bytes = readFileSync(path!);
    // PNG signature, and twice the SVG's 640 × 340 size.
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([1280, 680]);
    await page.close();
  });
});
