import type { APIRoute, GetStaticPaths } from 'astro';
import { buildsAgencyPagesOf, loadArchive, loadTextKeys } from '../../../data/archive.ts';
import { cacheKeyOf } from '../../../lib/cache-key.ts';
import type { Agency } from '../../../lib/archive.ts';
import { agencyJson, reportJson } from '../../../lib/opendata/reports.ts';

export const getStaticPaths = (async () => {
  const [archive, textKeys] = await Promise.all([loadArchive(), loadTextKeys()]);
  // The file holds the agency and its reports: restored from the last build while they are unchanged.
  // In a build in parts, the part of the agency's partition writes its file (src/build/parts.ts).
  return archive.agencies.filter((agency) => buildsAgencyPagesOf(agency.id)).map((agency) => ({
    params: { id: agency.id },
    props: { agency },
    cacheKey: cacheKeyOf(agency, (archive.reportsByAgency.get(agency.id) ?? []).map((r) => textKeys.get(r.id))),
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { agency } = props as { agency: Agency };
  const archive = await loadArchive();
  return Response.json({ ...agencyJson(agency), reports: (archive.reportsByAgency.get(agency.id) ?? []).map(reportJson) });
};
