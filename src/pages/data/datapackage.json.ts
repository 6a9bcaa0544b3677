import type { APIRoute } from 'astro';
import { loadArchive } from '../../data/archive.ts';
import { dataPackage } from '../../lib/opendata/datapackage.ts';

export const GET: APIRoute = async () => {
  const archive = await loadArchive();
  const latest = archive.reports.map((r) => r.published ?? r.signed ?? `${r.year}-12-31`).sort().at(-1) ?? '';
  return Response.json(dataPackage(latest));
};
