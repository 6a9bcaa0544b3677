/**
 * In a part of a build in parts that builds agencies' own pages (src/build/parts.ts), every other page is left
 * empty: the cross part builds it from the whole archive, and the merge keeps only this part's agency pages.
 * Rendering them here from a partition of the archive would cost time and memory for nothing (the compare page
 * alone is megabytes at 25,000 reports). In a whole build, and in the cross part, every page renders as usual.
 */
import { defineMiddleware } from 'astro:middleware';
import { partFromEnv, rendersRoute } from './build/parts.ts';

const part = partFromEnv();

export const onRequest = defineMiddleware((context, next) =>
  rendersRoute(part, context.routePattern) ? next() : new Response('', { headers: { 'content-type': 'text/plain' } }),
);
