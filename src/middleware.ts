/**
 * In a part of a build in parts that builds agencies' own pages (src/build/parts.ts), every other page is left
 * empty: the cross part builds it from the whole archive, and the merge keeps only this part's report pages.
 * Rendering them here from a partition of the archive would cost time and memory for nothing (the compare page
 * alone is megabytes at 25,000 reports). In a whole build, and in the cross part, every page renders as usual.
 */
import { defineMiddleware } from 'astro:middleware';
import { buildsCrossPages, partFromEnv } from './build/parts.ts';

/** The routes of an agency's own pages, which report parts build. */
const AGENCY_ROUTES = new Set(['/reports/[agency]/[year]', '/agencies/[id]', '/data/agencies/[id].json']);
const cross = buildsCrossPages(partFromEnv());

export const onRequest = defineMiddleware((context, next) =>
  cross || AGENCY_ROUTES.has(context.routePattern) ? next() : new Response('', { headers: { 'content-type': 'text/plain' } }),
);
