/**
 * Loads the content collections into the archive model once per build; every
 * page shares the result.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { buildArchive, type Archive, type Agency, type Report } from '../lib/archive.ts';
import { runChecks, summaryLine, type Quality } from '../lib/quality/index.ts';

const toAgency = (entry: CollectionEntry<'agencies'>): Agency => ({
  ...entry.data,
  id: entry.id,
  file: entry.filePath ?? `content/agencies/${entry.id}.yaml`,
});

const toReport = (entry: CollectionEntry<'reports'>): Report => ({
  ...entry.data,
  id: entry.id,
  file: entry.filePath ?? `content/reports/${entry.id}.md`,
});

interface Loaded {
  archive: Archive;
  /** Report id → Markdown body, for checks that read the text. */
  bodies: Map<string, string>;
}

let loaded: Promise<Loaded> | undefined;
let quality: Promise<Quality> | undefined;

function load(): Promise<Loaded> {
  loaded ??= (async () => {
    const [agencies, reports] = await Promise.all([getCollection('agencies'), getCollection('reports')]);
    const bodies = new Map(reports.map((r) => [r.id, r.body ?? '']));
    return { archive: buildArchive(agencies.map(toAgency), reports.map(toReport), bodies), bodies };
  })();
  return loaded;
}

export async function loadArchive(): Promise<Archive> {
  return (await load()).archive;
}

/** Report id → Markdown body as written (for cache keys and checks that read the text). */
export async function loadBodies(): Promise<ReadonlyMap<string, string>> {
  return (await load()).bodies;
}

/** Quality checks over the whole archive, once per build; prints the build's one-line summary. */
export function loadQuality(): Promise<Quality> {
  quality ??= load().then(({ archive, bodies }) => {
    const result = runChecks(archive, bodies);
    console.log(`\n${summaryLine(result)}`);
    return result;
  });
  return quality;
}
