import type { APIRoute } from 'astro';
import { loadArchive } from '../../data/archive.ts';
import { reportsCsv } from '../../lib/opendata/reports.ts';

export const GET: APIRoute = async () =>
  new Response(reportsCsv(await loadArchive()), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
