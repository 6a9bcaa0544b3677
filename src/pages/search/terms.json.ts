import type { APIRoute } from 'astro';
import { loadArchive } from '../../data/archive.ts';
import { searchTerms } from '../../lib/search/results/terms.ts';

/** The known terms the search page suggests from when a query finds nothing (src/lib/search/results/terms.ts). */
export const GET: APIRoute = async () =>
  new Response(JSON.stringify(searchTerms(await loadArchive())), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
