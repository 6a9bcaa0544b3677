import type { APIRoute, GetStaticPaths } from 'astro';
import { loadArchive } from '../../../data/archive.ts';
import { yearFilePaths } from '../../../data/static-paths.ts';
import { reportsOfYear } from '../../../lib/archive.ts';
import { reportsCsvPieces } from '../../../lib/opendata/reports.ts';

/** reports.csv split by year: the same columns, the reports of one year. */
export const getStaticPaths = (() => yearFilePaths('csv')) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const archive = await loadArchive();
  const pieces = reportsCsvPieces(archive, reportsOfYear(archive, (props as { year: number }).year));
  return new Response([...pieces].join(''), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
