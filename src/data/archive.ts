/**
 * Loads the content collections into the archive model once per build; every
 * page shares the result.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { buildArchive, type Archive, type Agency, type Report } from '../lib/archive.ts';

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

let archive: Promise<Archive> | undefined;

export function loadArchive(): Promise<Archive> {
  archive ??= (async () => {
    const [agencies, reports] = await Promise.all([getCollection('agencies'), getCollection('reports')]);
    const bodies = new Map(reports.map((r) => [r.id, r.body ?? '']));
    return buildArchive(agencies.map(toAgency), reports.map(toReport), bodies);
  })();
  return archive;
}
