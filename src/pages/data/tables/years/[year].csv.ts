import type { APIRoute, GetStaticPaths } from 'astro';
import { loadArchive } from '../../../../data/archive.ts';
import { yearFilePaths } from '../../../../data/static-paths.ts';
import { reportsOfYear } from '../../../../lib/archive.ts';
import { simpleCsv } from '../../../../lib/opendata/simple-table.ts';

/** A year's 简表: every report of the year, in the year page's order. */
export const getStaticPaths = (() => yearFilePaths('simple')) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props, site }) => {
  const archive = await loadArchive();
  const csv = simpleCsv(archive, reportsOfYear(archive, (props as { year: number }).year), { site, base: import.meta.env.BASE_URL });
  return new Response(csv, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
