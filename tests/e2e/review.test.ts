/**
 * `npm run review` end to end, in Chromium: a machine import with withheld values (a table 三 row whose
 * printed 总计 does not add up) is reviewed on the page: a value corrected, one rejected, a withheld value
 * taken, the others rejected, the report marked reviewed. The file keeps every other line byte for byte;
 * `npm run check` then finds nothing pending (strict mode passes), and the built site shows the report as
 * reviewed with the corrected value. Requests not from the page are refused.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adversarialLayout } from '../../src/lib/importer/eval/adversarial.ts';
import { splitFrontMatter } from '../../src/lib/validate/front-matter.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { buildDir, buildSite } from '../helpers/build.ts';
import { ROOT, contentReports } from '../helpers/content.ts';

const REL = 'content/reports/350128-guanweihui/2021.md';
let project: string;
let server: ChildProcess;
let url: string;
let browser: Browser;
let before: string;

beforeAll(async () => {
  project = mkdtempSync(join(tmpdir(), 'nianbao-review-'));
  mkdirSync(join(project, 'content'));
  cpSync(join(ROOT, 'content/agencies'), join(project, 'content/agencies'), { recursive: true });
  // The reviewed 2021 report as tab-separated text, its 一、本年新收 总计 misprinted (70 → 71): the row does not add up.
  const report = (await contentReports()).find((r) => r.id === '350128-guanweihui/2021')!;
  const layout = adversarialLayout(report.data.title, report.body, 'tab', 'one-label', 'none', 1);
  const text = layout.text.replace(/(一、本年新收政府信息公开申请数量[^\n]*\t)70(\s*\n)/, '$171$2');
  if (text === layout.text) throw new Error('the fixture row was not found');
  writeFileSync(join(project, 'in.txt'), text);
  const imported = spawnSync(process.execPath, [join(ROOT, 'src/cli/import.ts'), join(project, 'in.txt'), '--agency', '350128-guanweihui', '--year', '2021', '--out', join(project, 'content')], { encoding: 'utf8' });
  if (imported.status !== 0) throw new Error(imported.stdout + imported.stderr);
  before = readFileSync(join(project, REL), 'utf8');
  server = spawn(process.execPath, [join(ROOT, 'src/cli/review.ts'), '--port', '0', '--root', project], { stdio: ['ignore', 'pipe', 'pipe'] });
  url = await new Promise<string>((resolve, reject) => {
    let out = '';
    server.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(out);
      if (m) resolve(m[0]);
    });
    server.once('exit', (code) => reject(new Error(`review server exited ${code}: ${out}`)));
  });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  server?.kill();
  rmSync(project, { recursive: true, force: true });
});

describe('npm run review', () => {
  it('listens on 127.0.0.1 and refuses requests that are not from its page', async () => {
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const page = `${url}r/350128-guanweihui/2021`;
    const html = await (await fetch(page)).text();
    const token = /name="token" value="([0-9a-f]+)"/.exec(html)![1]!;
    const digest = /name="digest" value="([0-9a-f]+)"/.exec(html)![1]!;
    const post = (origin: string | undefined, body: Record<string, string>) =>
      fetch(page, { method: 'POST', redirect: 'manual', headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...(origin ? { Origin: origin } : {}) }, body: new URLSearchParams(body) });
    const reject = { token, digest, 'v.requests_new.natural_person': 'reject', action: 'save' };
    expect((await post('http://evil.example', reject)).status).toBe(403);
    expect((await post(undefined, reject)).status).toBe(403);
    expect((await post(url.slice(0, -1), { ...reject, token: 'f'.repeat(token.length) })).status).toBe(403);
    // Another host name resolving here (DNS rebinding) is refused too.
    const rebound = spawnSync('curl', ['-s', '-o', '/dev/null', '-w', '%{http_code}', '-H', 'Host: evil.example', page], { encoding: 'utf8' });
    expect(rebound.stdout).toBe('421');
    expect(readFileSync(join(project, REL), 'utf8')).toBe(before);
  });

  it('shows each value beside its source with the cell marked, and the withheld values with their reason', async () => {
    const page = await browser.newPage();
    await page.goto(url);
    await page.getByRole('link', { name: /平潭综合实验区2021年度/ }).click();
    await expect.poll(() => page.locator('h1').textContent()).toContain('平潭综合实验区2021年度');
    const held = page.locator('#w-0');
    expect(await held.locator('td.cell mark').textContent()).toBe('64');
    expect(await held.textContent()).toContain('与所印总计（71）不符');
    const carried = page.locator('[id="v-requests_carried_forward"]');
    expect(await carried.locator('td.cell mark').textContent()).toBe(await carried.locator('td.value .num').textContent());
    expect(await carried.locator('.cell-name').textContent()).toMatch(/^表三 · 四、结转下年度继续办理 · 总计，第 \d+ 格$/);
    await page.close();
  });

  it('writes the decisions into the file, changing only their lines, and marks the report reviewed', async () => {
    const page = await browser.newPage();
    await page.goto(`${url}r/350128-guanweihui/2021`);
    const withheld = await page.locator('tr[id^="w-"]').count();
    expect(withheld).toBe(7);
    // Marking reviewed with withheld values undecided is refused, and nothing is written.
    await page.fill('input[name="reviewer"]', '测试编辑');
    await page.getByRole('button', { name: '保存并标记为已核对' }).click();
    expect(await page.locator('.notice.error').textContent()).toContain('还有 7 个导入时未采用的数值没有决定');
    expect(readFileSync(join(project, REL), 'utf8')).toBe(before);

    // Correct the withheld 总计 to 70 (as the source prints it, say); reject the other six.
    const total = page.locator('tr[id^="w-"]').filter({ has: page.locator('code', { hasText: /^requests_new$/ }) });
    const totalId = (await total.first().getAttribute('id'))!;
    const totalIndex = Number(totalId.slice(2));
    await page.check(`input[name="w.${totalIndex}"][value="correct"]`);
    await page.fill(`input[name="w.${totalIndex}.value"]`, '70');
    for (let i = 0; i < withheld; i++) if (i !== totalIndex) await page.check(`input[name="w.${i}"][value="reject"]`);
    // Correct one stored value, reject another.
    await page.check('input[name="v.proactive_total"][value="correct"]');
    await page.fill('input[name="v.proactive_total.value"]', '2600');
    await page.check('input[name="v.proactive_total.approx"]');
    await page.check('input[name="v.requests_carried_forward"][value="reject"]');
    await page.getByRole('button', { name: '保存并标记为已核对' }).click();
    expect(await page.locator('.notice.ok').textContent()).toContain('已保存，并标记为已核对');
    expect(await page.locator('.status').textContent()).toContain('已人工核对（测试编辑，');
    await page.close();

    const after = readFileSync(join(project, REL), 'utf8');
    // The body is untouched, byte for byte.
    expect(splitFrontMatter(after).body).toBe(splitFrontMatter(before).body);
    // Every line that went is a line of a decided entry; every line that came is one of the decisions.
    const gone = lineDiff(before, after);
    const came = lineDiff(after, before);
    expect(gone.some((l) => l.startsWith('  withheld:'))).toBe(true);
    // Gone: the review status, the withheld list, and the entries of the rejected and corrected values.
    expect(gone.filter((l) => !/^ {2}(status: machine|withheld:)$|^ {4}- metric: |^ {6}|^ {4}(value|quote|approx|confirmedBy):|^ {2}requests_carried_forward:$/.test(l))).toEqual([]);
    expect(gone.filter((l) => l.startsWith('    - metric: '))).toHaveLength(7);
    expect(came.join('\n')).toContain('status: reviewed');
    expect(came.join('\n')).toContain('by: 测试编辑');
    expect(after).toMatch(/ {2}proactive_total:\n {4}value: 2600\n {4}approx: true\n {4}quote: [^\n]+\n {4}note: 审核改正：导入值为 2645\n/);
    expect(after).not.toMatch(/^ {2}requests_carried_forward:/m);
    expect(after).toMatch(/ {2}requests_new:\n {4}value: 70\n {4}quote: [^\n]+\n {4}cell:\n {6}table: 表三\n {6}row: [^\n]+\n {6}column: 总计\n {4}note: 审核采用导入时未采用的数值并改正（读到 71）/);
    expect(after).not.toContain('withheld:');
  });

  it('leaves a file that check passes in strict mode and the build shows as reviewed', () => {
    const check = spawnSync(process.execPath, [join(ROOT, 'src/cli/check.ts'), '--strict'], { cwd: project, encoding: 'utf8' });
    expect(check.status, check.stdout + check.stderr).toBe(0);
    expect(check.stdout).not.toContain('机器导入，尚未人工核对');
    expect(check.stdout).toContain('0 个错误');
    const out = buildDir('review-');
    try {
      const build = buildSite({ NIANBAO_CONTENT: join(project, 'content'), NIANBAO_OUT: out, NIANBAO_STRICT: '1' });
      expect(build.status, build.stdout + build.stderr).toBe(0);
      const html = parse(readFileSync(join(out, 'reports/350128-guanweihui/2021/index.html'), 'utf8'));
      expect(html.querySelector('.machine-import')).toBeNull();
      const meta = html.querySelectorAll('.report-meta dt').map((dt) => [dt.text, dt.nextElementSibling?.text]);
      expect(meta).toContainEqual(['核对', expect.stringContaining('已人工核对（测试编辑，')]);
      const proactive = html.querySelector('tr[data-metric="proactive_total"] .value')!;
      expect(proactive.getAttribute('data-value')).toBe('2600');
      expect(proactive.getAttribute('data-approx')).toBe('true');
      // The rejected value is now stated as absent, in the reviewed report's words.
      expect(html.querySelector('.metrics [data-metric="requests_carried_forward"]')?.text).toContain('报告未载明');
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});

/** Lines of `a` not in `b` (as a multiset). */
function lineDiff(a: string, b: string): string[] {
  const left = new Map<string, number>();
  for (const line of b.split('\n')) left.set(line, (left.get(line) ?? 0) + 1);
  return a.split('\n').filter((line) => {
    const n = left.get(line) ?? 0;
    if (n === 0) return true;
    left.set(line, n - 1);
    return false;
  });
}
