import type { APIRoute } from 'astro';
import { metricsJson } from '../../lib/opendata/reports.ts';

export const GET: APIRoute = () => Response.json(metricsJson());
