import type { APIRoute, GetStaticPaths } from 'astro';
import { buildsCross, loadArchive } from '../../../../data/archive.ts';
import type { Report } from '../../../../lib/archive.ts';
import { cacheKeyOf } from '../../../../lib/cache-key.ts';
import { CORE_METRICS } from '../../../../lib/catalogue/core.ts';
import { valueOf } from '../../../../lib/metric-view.ts';
import { frameCsv, frameOf } from '../../../../lib/opendata/frames.ts';

/**
 * `/data/frames/<metric>/<year>.json` and `.csv`: one comparable core metric across all agencies for one year
 * (src/lib/opendata/frames.ts). Only the core: it means the same in every template edition, so a frame compares
 * like with like; every other metric of a year is in reports/<year>.csv. Frames of all hundred-odd metrics were
 * 3,600 files at 100,000 reports, all built by the cross part, the one process near the 4 GB limit.
 */
export const getStaticPaths = (async () => {
  if (!buildsCross()) return []; // a part of a build in parts that builds report pages only (src/build/parts.ts)
  const archive = await loadArchive();
  const byYear = Map.groupBy(archive.reports, (r) => r.year);
  return CORE_METRICS.map((c) => c.id).flatMap((metric) =>
    archive.years.flatMap((year) => {
      const reports = byYear.get(year) ?? [];
      // What the file holds: every report of the year's value of the metric, and its agency's short name.
      const cacheKey = cacheKeyOf(metric, year, reports.map((r) => [r.agency, archive.agencyById.get(r.agency)?.shortName, valueOf(r, metric)]));
      return ['json', 'csv'].map((format) => ({ params: { metric, file: `${year}.${format}` }, props: { metric, year, format }, cacheKey }));
    }),
  );
}) satisfies GetStaticPaths;

/** Each year's reports, found once for all the frames (at 100,000 reports, a scan per frame took minutes). */
let reportsByYear: Map<number, Report[]> | undefined;

export const GET: APIRoute = async ({ props }) => {
  const { metric, year, format } = props as { metric: string; year: number; format: 'json' | 'csv' };
  const archive = await loadArchive();
  reportsByYear ??= Map.groupBy(archive.reports, (r) => r.year);
  const frame = frameOf(archive, metric, year, reportsByYear.get(year) ?? []);
  return format === 'json' ? Response.json(frame) : new Response(frameCsv(frame), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
