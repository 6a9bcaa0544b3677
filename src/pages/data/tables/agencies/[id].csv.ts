import type { APIRoute, GetStaticPaths } from 'astro';
import { buildsAgencyPagesOf, loadArchive, loadTextKeys } from '../../../../data/archive.ts';
import type { Agency } from '../../../../lib/archive.ts';
import { cacheKeyOf } from '../../../../lib/cache-key.ts';
import { simpleCsv } from '../../../../lib/opendata/simple-table.ts';

/** An agency's 简表: its reports by year, the 8 comparable metrics with their states. */
export const getStaticPaths = (async () => {
  const [archive, textKeys] = await Promise.all([loadArchive(), loadTextKeys()]);
  return archive.agencies.filter((agency) => buildsAgencyPagesOf(agency.id)).map((agency) => ({
    params: { id: agency.id },
    props: { agency },
    cacheKey: cacheKeyOf('simple', agency, (archive.reportsByAgency.get(agency.id) ?? []).map((r) => textKeys.get(r.id))),
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props, site }) => {
  const { agency } = props as { agency: Agency };
  const archive = await loadArchive();
  const csv = simpleCsv(archive, archive.reportsByAgency.get(agency.id) ?? [], { site, base: import.meta.env.BASE_URL });
  return new Response(csv, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
