import type { APIRoute, GetStaticPaths } from 'astro';
import { loadArchive } from '../../../data/archive.ts';
import type { Agency } from '../../../lib/archive.ts';
import { agencyJson, reportJson } from '../../../lib/opendata/reports.ts';

export const getStaticPaths = (async () => {
  const archive = await loadArchive();
  return archive.agencies.map((agency) => ({ params: { id: agency.id }, props: { agency } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { agency } = props as { agency: Agency };
  const archive = await loadArchive();
  return Response.json({ ...agencyJson(agency), reports: (archive.reportsByAgency.get(agency.id) ?? []).map(reportJson) });
};
