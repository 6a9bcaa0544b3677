import type { APIRoute, GetStaticPaths } from 'astro';
import { loadArchive } from '../../../../data/archive.ts';
import { agencyChartPaths } from '../../../../data/static-paths.ts';
import type { Agency } from '../../../../lib/archive.ts';
import type { CoreMetric } from '../../../../lib/catalogue/core.ts';
import { agencyChartSpec, chartSvg } from '../../../../lib/chart-svg.ts';
import { absoluteUrl, paths } from '../../../../lib/urls.ts';

/** An agency's chart of one comparable metric, as an SVG file to download or reuse. */
export const getStaticPaths = (() => agencyChartPaths('chart')) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props, site }) => {
  const { agency, core } = props as { agency: Agency; core: CoreMetric };
  const archive = await loadArchive();
  const svg = chartSvg(agencyChartSpec(agency, archive.reportsByAgency.get(agency.id) ?? [], core, absoluteUrl(site, import.meta.env.BASE_URL, paths.agency(agency.id))));
  return new Response(`<?xml version="1.0" encoding="UTF-8"?>\n${svg}\n`, { headers: { 'Content-Type': 'image/svg+xml; charset=utf-8' } });
};
