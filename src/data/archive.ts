/**
 * Loads the archive once per build from the prepared-report store
 * (src/build/prepare-content.ts); every page shares the result. `npm run build`
 * has prepared every report before Astro starts, so here each report is only
 * read back; run alone (astro dev, astro build), Astro prepares what is missing
 * itself. Report bodies stay on disk until their page asks for one.
 */
import { archiveOf, prepareContent, prepareInProcess, type PreparedContent } from '../build/prepare-content.ts';
import { contentPaths } from '../build/content-paths.ts';
import type { Archive } from '../lib/archive.ts';
import type { MarkdownHeading } from '@astrojs/markdown-remark';
import { runChecks, summaryLine, type Quality } from '../lib/quality/index.ts';
import type { TextFacts } from '../lib/quality/text-facts.ts';

interface Loaded {
  prepared: PreparedContent;
  archive: Archive;
  facts: Map<string, TextFacts>;
  /** Report id → its key in the store (the hash of its file's text and the pipeline). */
  keys: Map<string, string>;
  headings: Map<string, MarkdownHeading[]>;
}

let loaded: Promise<Loaded> | undefined;
let quality: Promise<Quality> | undefined;

function load(): Promise<Loaded> {
  loaded ??= (async () => {
    const prepared = await prepareContent({ ...contentPaths(), prepareMisses: prepareInProcess });
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

/** Quality checks over the whole archive, once per build; prints the build's one-line summary. */
export function loadQuality(): Promise<Quality> {
  quality ??= load().then(({ archive, facts }) => {
    const result = runChecks(archive, facts);
    console.log(`\n${summaryLine(result)}`);
    return result;
  });
  return quality;
}
