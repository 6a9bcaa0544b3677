/**
 * Prepare a content folder for the build: every problem of every file in one
 * list, the agencies, and each report's prepared entry in the store — rendered
 * only when its text (or the pipeline) changed since the last build.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { listContent } from './content-files.ts';
import { ArchiveError, buildArchive, type Agency, type Archive } from '../lib/archive.ts';
import type { PreparedMeta } from '../lib/prepare/prepare-report.ts';
import type { SimilarityDoc } from '../lib/quality/similarity.ts';
import type { TextFacts } from '../lib/quality/text-facts.ts';
import { reportPathParts, type ReportRef } from '../lib/validate/integrity.ts';
import { inStrictMode, strictFromEnv, type Problem } from '../lib/validate/problem.ts';
import { acrossFiles, agencyFileId, validateContentParsed, type ContentFile } from '../lib/validate/validate-content.ts';
import { pipelineVersion } from './pipeline-version.ts';
import { PreparedStore, preparedKey, storeDir, type ManifestEntry } from './prepared-store.ts';

/**
 * A report file whose preparation is not in the store yet: its name (content/…), and where to read it.
 * Not its text: at 100,000 reports, holding every text to be prepared took the main process past its heap.
 */
export interface PrepareJob {
  key: string;
  path: string;
  source: string;
}

/** The file of a job, read. */
export const readJob = (job: PrepareJob): ContentFile => ({ path: job.path, text: readFileSync(job.source, 'utf8') });

/** Prepares the jobs and writes each into the store (in this process, or in workers). */
export type PrepareMisses = (jobs: readonly PrepareJob[], store: PreparedStore) => Promise<void>;

export interface PrepareOptions {
  /** The project folder: the pipeline version is read from its src/lib. */
  root: string;
  /** The content folder (absolute). Its files are named content/… in problems, whatever the folder is called. */
  contentDir: string;
  /** Astro's cache folder; the store lives inside it. */
  cacheDir: string;
  prepareMisses: PrepareMisses;
  /** Write the manifest and drop stale entries (default). A reader beside the writer (the search index) passes false. */
  persist?: boolean;
  /**
   * What to keep of each report file (default: all of it). The build's own process only checks the content
   * and keeps each file's problems, so its memory does not grow with the archive; a part of a build in parts
   * (src/build/parts.ts) keeps its own reports, and only the text facts of the others.
   */
  keep?: (file: string) => KeptOfReport;
  /** Pending items are errors (default: NIANBAO_STRICT=1). */
  strict?: boolean;
}

/** What `prepareContent` keeps of a report: all of it, its problems and text facts, or its problems. */
export type KeptOfReport = 'report' | 'facts' | 'problems';

/** What is kept of one prepared report. */
function kept(meta: PreparedMeta, what: KeptOfReport): PreparedMeta {
  if (what === 'report') return meta;
  const base = { file: meta.file, problems: meta.problems };
  return what === 'facts' && meta.facts ? { ...base, facts: meta.facts } : base;
}

export interface PreparedContent {
  store: PreparedStore;
  /** Every problem, errors and warnings, of every file. */
  problems: Problem[];
  agencies: Agency[];
  /** Each report file with its store key and what the archive keeps of it. */
  reports: { key: string; meta: PreparedMeta }[];
  /** Reports rendered by this run (the others came from the store). */
  rendered: number;
}

export async function prepareContent(options: PrepareOptions): Promise<PreparedContent> {
  const { contentDir } = options;
  const fullPath = (path: string) => join(contentDir, path.slice('content/'.length));
  const store = new PreparedStore(storeDir(options.cacheDir));
  const version = pipelineVersion(options.root);
  const previous = store.readManifest(version);
  // The same listing as `npm run check`: links, special files and oversized files are errors, never skipped.
  const listing = listContent(contentDir);
  const paths = listing.files;
  const isReport = (path: string) => path.endsWith('.md') && reportPathParts(path) !== undefined;

  // Agencies and stray files: few and small, validated whole every time.
  const others = paths.filter((p) => !isReport(p)).map((path) => ({ path, text: readFileSync(fullPath(path), 'utf8') }));
  const { problems, parsed } = validateContentParsed(others);
  problems.unshift(...listing.problems);

  // Reports: an unchanged file (same size and mtime as last time) is not even read.
  const manifest = new Map<string, ManifestEntry>();
  const jobs: PrepareJob[] = [];
  for (const path of paths.filter(isReport)) {
    const stat = statSync(fullPath(path));
    const known = previous.get(path);
    if (known && known.size === stat.size && known.mtimeMs === stat.mtimeMs && store.has(known.key)) {
      manifest.set(path, known);
      continue;
    }
    const key = preparedKey(version, path, readFileSync(fullPath(path), 'utf8'));
    manifest.set(path, { size: stat.size, mtimeMs: stat.mtimeMs, key });
    if (!store.has(key)) jobs.push({ key, path, source: fullPath(path) });
  }
  await options.prepareMisses(jobs, store);

  const reports: PreparedContent['reports'] = [];
  const reportRefs: ReportRef[] = [];
  for (const { key } of manifest.values()) {
    const meta = store.readMeta(key);
    problems.push(...meta.problems);
    if (meta.report) reportRefs.push({ file: meta.file, agency: meta.report.agency, year: meta.report.year, body: meta.body });
    reports.push({ key, meta: kept(meta, options.keep?.(meta.file) ?? 'report') });
  }

  const agencyRefs = parsed.agencies.map((a) => ({ id: a.id, file: a.file }));
  const broken = new Set(problems.flatMap((p) => (agencyFileId(p.file) ? [agencyFileId(p.file)!] : [])));
  problems.push(...acrossFiles(agencyRefs, broken, reportRefs, (file) => readFileSync(fullPath(file), 'utf8')));

  if (options.persist !== false) {
    store.writeManifest(version, manifest);
    store.prune(new Set([...manifest.values()].map((e) => e.key)));
  }
  // Strict mode (the publishing workflow): what waits for a person (an unreviewed import, a stub) stops the build.
  return { store, problems: inStrictMode(problems, options.strict ?? strictFromEnv()), agencies: parsed.agencies, reports, rendered: jobs.length };
}

/** Prepare the jobs one after another in this process (Astro's own process; the CLI uses workers). */
export async function prepareInProcess(jobs: readonly PrepareJob[], store: PreparedStore): Promise<void> {
  if (!jobs.length) return;
  const [{ createBodyRenderer }, { prepareReport }] = await Promise.all([import('../lib/markdown/processor.ts'), import('../lib/prepare/prepare-report.ts')]);
  const render = createBodyRenderer();
  for (const job of jobs) store.write(job.key, await prepareReport(readJob(job), render));
}

/** The archive of prepared content, with each report's text facts; throws `ArchiveError` listing every error. */
export function archiveOf(prepared: PreparedContent): { archive: Archive; facts: Map<string, TextFacts>; keys: Map<string, string> } {
  const errors = prepared.problems.filter((p) => p.severity === 'error');
  if (errors.length) throw new ArchiveError(errors);
  const archive = buildArchive(prepared.agencies, prepared.reports.flatMap(({ meta }) => (meta.report ? [meta.report] : [])));
  const facts = new Map(prepared.reports.flatMap(({ meta }) => (meta.report && meta.facts ? [[meta.report.id, meta.facts] as const] : [])));
  const keys = new Map(prepared.reports.flatMap(({ key, meta }) => (meta.report ? [[meta.report.id, key] as const] : [])));
  return { archive, facts, keys };
}

/**
 * Every report's sentences, for the similarity check, whether the report itself was kept or only its facts
 * (a part of a build in parts): in the archive's order (`agencies` by name, then year), so that the part finds
 * exactly what the whole build finds.
 */
export function similarityTextsOf(prepared: PreparedContent, agencies: readonly Agency[]): SimilarityDoc[] {
  const order = new Map(agencies.map((a, i) => [a.id, i]));
  return prepared.reports
    .map((r) => r.meta)
    .flatMap((meta) => {
      const where = meta.report ?? (meta.facts ? reportPathParts(meta.file) : undefined);
      return where ? [{ id: `${where.agency}/${where.year}`, agency: where.agency, year: where.year, sentences: new Set(meta.facts?.sentences) }] : [];
    })
    .sort((a, b) => order.get(a.agency)! - order.get(b.agency)! || a.year - b.year);
}
