import type { APIRoute } from 'astro';
import { loadArchive } from '../../data/archive.ts';
import { reportJson } from '../../lib/opendata/reports.ts';

export const GET: APIRoute = async () => Response.json((await loadArchive()).reports.map(reportJson));
