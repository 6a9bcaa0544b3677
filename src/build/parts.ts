/**
 * A build in parts: past a size one Astro process cannot hold (at 100,000
 * reports it ran out of heap at 4.6 GB), the pages are built by several Astro
 * processes, and their outputs merged into one site.
 *
 * - `reports:k/n`: the pages of the agencies in partition k of n: their report
 *   pages, agency pages and data files. Each process reads only its
 *   partition's reports in full (and every report's sentence keys, which the
 *   similarity check compares across the archive).
 * - `cross`: every other page (lists, years, regions, metrics, quality,
 *   compare, whole-archive downloads, search), from the whole archive.
 *
 * `npm run build` runs the parts on the machine's cores; the GitHub Actions workflow
 * runs them as parallel jobs and merges their outputs (`npm run build -- --merge`).
 * Pure: the names and the partition are decided here, the processes elsewhere.
 */

/** Up to this many reports, one Astro process builds every page: measured at 10,000 reports, it peaked at 1.2 GB. */
export const MAX_REPORTS_PER_PART = 25_000;

export type BuildPart = { kind: 'whole' } | { kind: 'cross' } | { kind: 'reports'; index: number; count: number };

const REPORTS_PART = /^reports:(\d+)\/(\d+)$/;

/** `cross`, `reports:2/4` (the second of four partitions), or `whole`; anything else is refused, naming what is expected. */
export function parsePart(text: string): BuildPart {
  if (text === 'whole' || text === 'cross') return { kind: text };
  const match = REPORTS_PART.exec(text);
  if (match) {
    const index = Number(match[1]);
    const count = Number(match[2]);
    if (count >= 1 && index >= 1 && index <= count) return { kind: 'reports', index, count };
  }
  throw new Error(`构建部分“${text}”无法识别：应为 cross、whole，或 reports:k/n（1 ≤ k ≤ n，如 reports:2/4）`);
}

/** The part an Astro process builds, from NIANBAO_PART (unset: the whole site). */
export const partFromEnv = (env: NodeJS.ProcessEnv = process.env): BuildPart => parsePart(env['NIANBAO_PART'] ?? 'whole');

/** The part's name as NIANBAO_PART and `--part` take it. */
export function partName(part: BuildPart): string {
  return part.kind === 'reports' ? `reports:${part.index}/${part.count}` : part.kind;
}

/** The part's name as a folder: `reports-2-of-4`. */
export function partFolder(part: BuildPart): string {
  return part.kind === 'reports' ? `reports-${part.index}-of-${part.count}` : part.kind;
}

/**
 * The partition (1…count) of an agency: a hash of its id, so adding or removing an agency never moves
 * another, and an agency's reports, which show each other (previous and next year), are always together.
 */
export function agencyPartition(agencyId: string, count: number): number {
  // FNV-1a, 32 bits: stable across runs and machines, unlike anything seeded.
  let hash = 0x811c9dc5;
  for (let i = 0; i < agencyId.length; i++) {
    hash ^= agencyId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return (hash % count) + 1;
}

/** Whether the part builds the pages of this agency: its report pages, its agency page and its data file. */
export function buildsAgencyPages(part: BuildPart, agencyId: string): boolean {
  return part.kind === 'whole' || (part.kind === 'reports' && agencyPartition(agencyId, part.count) === part.index);
}

/** Whether the part builds the pages that are not an agency's own (lists, years, regions, metrics, quality…). */
export const buildsCrossPages = (part: BuildPart): boolean => part.kind === 'whole' || part.kind === 'cross';

/** The routes of an agency's own pages (Astro route patterns), which report parts build. */
const AGENCY_ROUTES = new Set([
  '/reports/[agency]/[year]',
  '/agencies/[id]',
  '/data/agencies/[id].json',
  '/data/tables/agencies/[id].csv',
  '/data/tables/reports/[agency]/[year].csv',
  '/charts/agencies/[id]/[core].svg',
  '/embed/agencies/[id]/[core]',
]);

/** Whether the part renders pages of a route: a report part renders only the agency routes (their pages of its agencies). */
export const rendersRoute = (part: BuildPart, routePattern: string): boolean => buildsCrossPages(part) || AGENCY_ROUTES.has(routePattern);

/** Whether the part needs every report in full (the others read their partition's, and the rest's sentence keys). */
export const needsWholeArchive = (part: BuildPart): boolean => part.kind !== 'reports';

/** How many report partitions an archive of `reports` gets: one (no split) up to `max` reports a part. */
export function reportPartitions(reports: number, max = MAX_REPORTS_PER_PART): number {
  return Math.max(1, Math.ceil(reports / max));
}

/** The parts of a build with `partitions` report partitions: the whole site when it is one. */
export function partsOf(partitions: number): BuildPart[] {
  if (partitions <= 1) return [{ kind: 'whole' }];
  return [{ kind: 'cross' }, ...Array.from({ length: partitions }, (_, i) => ({ kind: 'reports' as const, index: i + 1, count: partitions }))];
}

/**
 * The parts of a build spread over machines, by name (`--part`): the cross part, every report partition (one
 * even for a small archive, so the workflow always takes the same path), and the search index.
 */
export function jobParts(partitions: number): string[] {
  const count = Math.max(1, partitions);
  return ['cross', ...Array.from({ length: count }, (_, i) => `reports:${i + 1}/${count}`), 'search'];
}

/** The most reports a part holds, from NIANBAO_MAX_REPORTS_PER_PART (default MAX_REPORTS_PER_PART). */
export function maxReportsPerPart(env: NodeJS.ProcessEnv = process.env): number {
  const text = env['NIANBAO_MAX_REPORTS_PER_PART'];
  if (text === undefined || text === '') return MAX_REPORTS_PER_PART;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new Error(`NIANBAO_MAX_REPORTS_PER_PART=${text}：应为正整数（每个 Astro 进程至多构建多少份报告的页面）`);
  return value;
}
