/**
 * Content collections. Files live in the top-level `content/` folder, outside
 * `src/`, because editors own them; schemas come from `src/lib/schema/`.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { agencySchema } from './lib/schema/agency.ts';
import { reportSchema } from './lib/schema/report.ts';

/** NIANBAO_CONTENT builds the site from another content folder (test fixtures). */
const CONTENT = process.env['NIANBAO_CONTENT'] ?? './content';

const agencies = defineCollection({
  loader: glob({ pattern: '*.yaml', base: `${CONTENT}/agencies` }),
  schema: agencySchema,
});

const reports = defineCollection({
  loader: glob({ pattern: '*/*.md', base: `${CONTENT}/reports` }),
  schema: reportSchema,
});

export const collections = { agencies, reports };
