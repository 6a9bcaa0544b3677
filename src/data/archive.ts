/**
 * Loads the archive once per build from the prepared-report store
 * (src/build/prepare-content.ts); every page shares the result. `npm run build`
 * has prepared every report before Astro starts, so here each report is only
 * read back; run alone (astro dev, astro build), Astro prepares what is missing
 * itself. Report bodies stay on disk until their page asks for one.
 */
import { archiveOf, prepareContent, prepareInProcess, similarityTextsOf, type PreparedContent } from '../build/prepare-content.ts';
import { contentPaths } from '../build/content-paths.ts';
import type { Archive } from '../lib/archive.ts';
import type { MarkdownHeading } from '@astrojs/markdown-remark';
import { runChecks, summaryLine, type Quality } from '../lib/quality/index.ts';
import { listedFindings, qualityListings, type QualityListing } from '../lib/quality/listing.ts';
import { regionOrder } from '../lib/archive.ts';
import type { TextFacts } from '../lib/quality/text-facts.ts';
import { reportPathParts } from '../lib/validate/integrity.ts';
import { buildsAgencyPages, buildsCrossPages, needsWholeArchive, partFromEnv, type BuildPart } from '../build/parts.ts';

interface Loaded {
  prepared: PreparedContent;
  archive: Archive;
  facts: Map<string, TextFacts>;
  /** Report id → its key in the store (the hash of its file's text and the pipeline). */
  keys: Map<string, string>;
  headings: Map<string, MarkdownHeading[]>;
}

/** The part of the site this Astro process builds (NIANBAO_PART; src/build/parts.ts). */
const part: BuildPart = partFromEnv();

/** Whether this process builds the pages that are not an agency's own (getStaticPaths of those routes ask). */
export const buildsCross = (): boolean => buildsCrossPages(part);

/** Whether this process builds the pages of an agency: its report pages, agency page and data file. */
export const buildsAgencyPagesOf = (agencyId: string): boolean => buildsAgencyPages(part, agencyId);

let loaded: Promise<Loaded> | undefined;
let quality: Promise<Quality> | undefined;
let order: Promise<Map<string, number>> | undefined;
let listings: Promise<QualityListing[]> | undefined;

function load(): Promise<Loaded> {
  loaded ??= (async () => {
    // A part of a build in parts keeps its own agencies' reports, and of the others only what the
    // similarity check compares: at 100,000 reports, one process holding every report ran out of heap.
    const keep = needsWholeArchive(part)
      ? undefined
      : (file: string) => (buildsAgencyPages(part, reportPathParts(file)?.agency ?? '') ? 'report' as const : 'facts' as const);
    const prepared = await prepareContent({ ...contentPaths(), prepareMisses: prepareInProcess, ...(keep ? { keep, persist: false } : {}) });
    const headings = new Map(prepared.reports.flatMap(({ meta }) => (meta.report ? [[meta.report.id, meta.headings ?? []] as const] : [])));
    return { prepared, headings, ...archiveOf(prepared) };
  })();
  return loaded;
}

export async function loadArchive(): Promise<Archive> {
  return (await load()).archive;
}

/** Report id → the key of its prepared text: it changes exactly when the report's file does (for cache keys). */
export async function loadTextKeys(): Promise<ReadonlyMap<string, string>> {
  return (await load()).keys;
}

/** A report's body as HTML, and its headings: read from the store when its page renders. */
export async function loadBody(id: string): Promise<{ html: string; headings: MarkdownHeading[] }> {
  const { prepared, keys, headings } = await load();
  const key = keys.get(id);
  if (!key) throw new Error(`Report ${id} is not in the prepared archive`);
  return { html: prepared.store.readHtml(key), headings: headings.get(id) ?? [] };
}

/** A report's sentence keys (its text facts), for "same as last year"; empty when it has none. */
export async function loadSentenceKeys(id: string): Promise<readonly string[]> {
  return (await load()).facts.get(id)?.sentences ?? [];
}

/** Quality checks over the whole archive, once per build; prints the build's one-line summary. */
export function loadQuality(): Promise<Quality> {
  quality ??= load().then(({ prepared, archive, facts }) => {
    // A part holds its own reports only: their similarity is found against every report's sentences.
    const result = runChecks(archive, facts, needsWholeArchive(part) ? undefined : similarityTextsOf(prepared, archive.agencies));
    console.log(`\n${summaryLine(result)}`);
    return result;
  });
  return quality;
}

/** Agency id → its place in region order (province, city, name): the order of every paginated list, found once per build. */
export function loadRegionOrder(): Promise<ReadonlyMap<string, number>> {
  order ??= loadArchive().then((archive) => regionOrder(archive.agencies));
  return order;
}

/** The quality pages' lists (src/lib/quality/listing.ts), made once for the overview and the list pages. */
export function loadQualityListings(): Promise<QualityListing[]> {
  listings ??= Promise.all([loadArchive(), loadQuality(), loadRegionOrder()]).then(([archive, q, o]) =>
    qualityListings(listedFindings(q.findings, o), archive.agencyById));
  return listings;
}

/** A deployment's store of original files (`NIANBAO_ORIGINALS_URL`, README: 原始文件), or undefined. */
export function originalsBase(): string | undefined {
  return process.env['NIANBAO_ORIGINALS_URL'] || undefined;
}
