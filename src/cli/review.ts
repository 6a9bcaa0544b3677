/**
 * npm run review [-- --port <n>] [--root <project>]
 *
 * A local page for reviewing machine imports: the reports whose review.status is machine, each value
 * beside its source with the cell marked, to accept, correct or reject; the values the importer withheld,
 * to take or reject; then the report marked reviewed. Decisions are written into the report's Markdown
 * file through the content writer (temporary file, then rename; the old file kept in content/.backups),
 * changing only the lines of what was decided (lib/review/edit-front-matter.ts).
 *
 * It listens on 127.0.0.1 only, and answers only requests addressed to that host and port (no other name
 * can reach it through DNS). A save must come from the page it served: the form carries a random token
 * made at start, and the browser's Origin must be this server.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { readContentFiles } from '../build/content-files.ts';
import { reviewPlan, type Decision, type ReviewSubmission } from '../lib/review/decisions.ts';
import { editFrontMatter, FrontMatterEditError } from '../lib/review/edit-front-matter.ts';
import { indexPage, messagePage, REVIEW_CSS, reportPage, type PendingReport } from '../lib/review/review-page.ts';
import type { ReportData } from '../lib/schema/report.ts';
import { parseReportFile } from '../lib/validate/validate-content.ts';
import { ContentWriteError, checkedAgencyId, checkedYear, reportFilePath, resolveTarget, writeContentFile } from './content-writer.ts';

const USAGE = 'npm run review -- [--port <端口，默认 4322>] [--root <项目目录，默认当前目录>]';
const MAX_BODY = 4 * 1024 * 1024;
const SECURITY_HEADERS = {
  'Content-Security-Policy': "default-src 'none'; style-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'X-Content-Type-Options': 'nosniff',
  // same-origin, not no-referrer: with no-referrer Chromium sends "Origin: null" on the page's own form posts.
  'Referrer-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};

const digestOf = (text: string) => createHash('sha256').update(text).digest('hex');
const today = () => new Date().toISOString().slice(0, 10);

interface LoadedReport {
  rel: string;
  text: string;
  report: ReportData;
}

/** Start the server; resolves with its address once it listens. */
export async function startReviewServer(options: { root: string; port: number; token?: string }): Promise<{ url: string; close: () => Promise<void> }> {
  const contentDir = join(options.root, 'content');
  const token = options.token ?? randomBytes(24).toString('hex');
  let origin = '';

  const load = async (agency: string, year: number): Promise<LoadedReport | undefined> => {
    const rel = reportFilePath(checkedAgencyId(agency), checkedYear(year));
    const { target, exists } = resolveTarget(contentDir, rel);
    if (!exists) return undefined;
    const text = await readFile(target, 'utf8');
    const { report } = parseReportFile({ path: `content/${rel}`, text });
    return report ? { rel, text, report } : undefined;
  };

  const pending = async (): Promise<PendingReport[]> => {
    const out: PendingReport[] = [];
    for (const file of await readContentFiles(options.root)) {
      if (!file.path.startsWith('content/reports/')) continue;
      const { report } = parseReportFile(file);
      if (report?.review?.status !== 'machine') continue;
      out.push({
        agency: report.agency,
        year: report.year,
        title: report.title,
        values: Object.keys(report.metrics).length,
        withheld: report.imported?.withheld.length ?? 0,
        warnings: report.imported?.warnings.length ?? 0,
      });
    }
    return out;
  };

  const send = (res: ServerResponse, status: number, body: string, type = 'text/html; charset=utf-8') => {
    res.writeHead(status, { 'Content-Type': type, ...SECURITY_HEADERS });
    res.end(body);
  };

  const readBody = (req: IncomingMessage) =>
    new Promise<string>((resolve, reject) => {
      const chunks: Buffer[] = [];
      let size = 0;
      req.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_BODY) {
          reject(new Error('请求过大'));
          req.destroy();
        } else chunks.push(chunk);
      });
      req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
      req.on('error', reject);
    });

  const sameToken = (given: string | null) => {
    const a = Buffer.from(given ?? '');
    const b = Buffer.from(token);
    return a.length === b.length && timingSafeEqual(a, b);
  };

  /** The decisions of a submitted form; a correction that is not a number is a problem. */
  const submission = (form: URLSearchParams, report: ReportData, problems: string[]): ReviewSubmission => {
    const decision = (name: string, label: string): Decision | undefined => {
      const kind = form.get(name);
      if (kind === 'accept' || kind === 'reject' || kind === 'undecided') return { kind };
      if (kind !== 'correct') return undefined;
      const raw = (form.get(`${name}.value`) ?? '').trim();
      const value = Number(raw);
      if (raw === '' || !Number.isFinite(value)) {
        problems.push(`${label}：改正后的数值“${raw}”不是数字`);
        return undefined;
      }
      return { kind: 'correct', value, approx: form.get(`${name}.approx`) === 'on' };
    };
    const values: Record<string, Decision> = {};
    for (const id of Object.keys(report.metrics)) {
      const d = decision(`v.${id}`, id);
      if (d && d.kind !== 'accept') values[id] = d;
    }
    const withheld: Record<number, Decision> = {};
    (report.imported?.withheld ?? []).forEach((w, i) => {
      const d = decision(`w.${i}`, `未采用的第 ${i + 1} 项（${w.metric}）`);
      if (d) withheld[i] = d;
    });
    return { values, withheld, markReviewed: form.get('action') === 'reviewed', reviewer: form.get('reviewer') ?? undefined, today: today() };
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    // Only this host and port: a page of another site whose name resolves here (DNS rebinding) is refused.
    if (req.headers.host !== new URL(origin).host) return send(res, 421, messagePage('拒绝', '请求的主机不是本核对服务'));
    const url = new URL(req.url ?? '/', origin);
    if (req.method === 'GET' && url.pathname === '/review.css') return send(res, 200, REVIEW_CSS, 'text/css; charset=utf-8');
    if (req.method === 'GET' && url.pathname === '/') return send(res, 200, indexPage(await pending()));
    const match = /^\/r\/([^/]+)\/(\d{4})$/.exec(url.pathname);
    if (!match) return send(res, 404, messagePage('没有这个页面', url.pathname));
    let loaded: LoadedReport | undefined;
    try {
      loaded = await load(decodeURIComponent(match[1]!), Number(match[2]));
    } catch (error) {
      if (error instanceof ContentWriteError) return send(res, 400, messagePage('无法读取', error.message));
      throw error;
    }
    if (!loaded) return send(res, 404, messagePage('没有这份报告', `${match[1]}/${match[2]}：文件不存在，或它有错误（先运行 npm run check）`));
    const [agency, year] = [loaded.report.agency, loaded.report.year];
    if (req.method === 'GET') {
      const saved = url.searchParams.get('saved');
      const notices = saved ? [{ kind: 'ok' as const, text: saved === 'reviewed' ? '已保存，并标记为已核对。' : '已保存。' }] : [];
      return send(res, 200, reportPage({ agency, year, report: loaded.report, digest: digestOf(loaded.text), token, notices }));
    }
    if (req.method !== 'POST') return send(res, 405, messagePage('不支持', req.method ?? ''));
    // A save must come from the page this server served: its Origin, and the token in its form.
    if (req.headers.origin !== origin) return send(res, 403, messagePage('拒绝', '保存请求不是来自本核对页面（Origin 不符）'));
    const form = new URLSearchParams(await readBody(req));
    if (!sameToken(form.get('token'))) return send(res, 403, messagePage('拒绝', '保存请求不是来自本核对页面（令牌不符）'));
    const reviewer = form.get('reviewer') ?? '';
    const again = (status: number, text: string) =>
      send(res, status, reportPage({ agency, year, report: loaded.report, digest: digestOf(loaded.text), token, reviewer, notices: [{ kind: 'error', text }] }));
    if (form.get('digest') !== digestOf(loaded.text)) return again(409, '文件在你打开页面之后被改动了：没有保存。页面已按现在的文件重新显示，请重新决定。');
    const problems: string[] = [];
    const plan = reviewPlan(loaded.report, submission(form, loaded.report, problems));
    problems.push(...plan.problems);
    if (problems.length) return again(400, `没有保存：${problems.join('；')}`);
    let text: string;
    try {
      text = editFrontMatter(loaded.text, plan.edits);
    } catch (error) {
      if (error instanceof FrontMatterEditError) return again(500, `没有保存：${error.message}`);
      throw error;
    }
    // The file as it would be written must pass the archive's own checks.
    const checked = parseReportFile({ path: `content/${loaded.rel}`, text });
    const errors = checked.problems.filter((p) => p.severity === 'error');
    if (errors.length) return again(400, `没有保存，改动后的文件有错误：${errors.map((p) => `${p.field ?? ''} ${p.message}`).join('；')}`);
    if (text !== loaded.text) await writeContentFile(contentDir, loaded.rel, text, { overwrite: true });
    res.writeHead(303, { Location: `/r/${agency}/${year}?saved=${form.get('action') === 'reviewed' ? 'reviewed' : 'saved'}`, ...SECURITY_HEADERS });
    res.end();
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error(error);
      if (!res.headersSent) send(res, 500, messagePage('出错了', error instanceof Error ? error.message : String(error)));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('无法取得监听地址');
  origin = `http://127.0.0.1:${address.port}`;
  return { url: `${origin}/`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

if (import.meta.main) {
  let parsed;
  try {
    parsed = parseArgs({ options: { port: { type: 'string', default: '4322' }, root: { type: 'string', default: process.cwd() } } });
  } catch (error) {
    console.error(`${(error as Error).message}\n用法：${USAGE}`);
    process.exit(2);
  }
  const port = Number(parsed.values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port ${parsed.values.port} 不是端口号\n用法：${USAGE}`);
    process.exit(2);
  }
  const { url } = await startReviewServer({ root: parsed.values.root, port });
  console.log(`核对页面：${url}（只在本机 127.0.0.1 上；按 Ctrl+C 结束）`);
}
