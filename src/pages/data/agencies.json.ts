import type { APIRoute } from 'astro';
import { loadArchive } from '../../data/archive.ts';
import { agencyJson } from '../../lib/opendata/reports.ts';

export const GET: APIRoute = async () => Response.json((await loadArchive()).agencies.map(agencyJson));
