import type { APIRoute, GetStaticPaths } from 'astro';
import { buildsCross, loadArchive, loadTextKeys } from '../../../data/archive.ts';
import { cacheKeyOf } from '../../../lib/cache-key.ts';
import type { Agency } from '../../../lib/archive.ts';
import { agencyJson, reportJson } from '../../../lib/opendata/reports.ts';

export const getStaticPaths = (async () => {
  if (!buildsCross()) return []; // a part of a build in parts that builds report pages only (src/build/parts.ts)
  const [archive, textKeys] = await Promise.all([loadArchive(), loadTextKeys()]);
  // The file holds the agency and its reports: restored from the last build while they are unchanged.
  return archive.agencies.map((agency) => ({
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
