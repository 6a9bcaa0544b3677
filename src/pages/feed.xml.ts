import type { APIRoute } from 'astro';
import { loadArchive } from '../data/archive.ts';
import { atomFeed } from '../lib/feed.ts';

export const GET: APIRoute = async ({ site }) =>
  new Response(atomFeed(await loadArchive(), site, import.meta.env.BASE_URL), { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
