/** Site paths, in one place. Paths have no base; `withBase` adds the deployment's sub-path. */

export const paths = {
  home: () => '/',
  agencies: () => '/agencies/',
  agency: (id: string) => `/agencies/${id}/`,
  report: (agency: string, year: number) => `/reports/${agency}/${year}/`,
  years: () => '/years/',
  year: (year: number) => `/years/${year}/`,
  search: () => '/search/',
  metrics: () => '/metrics/',
  metric: (id: string) => `/metrics/${id}/`,
  region: (code: string) => `/regions/${code}/`,
  /** A region's agencies' reports of one year, side by side. */
  regionYear: (code: string, year: number) => `/regions/${code}/years/${year}/`,
  /** A region's agencies side by side, year by year, for one comparable metric: the compare page without JavaScript. */
  regionComparison: (code: string, core: string) => `/regions/${code}/compare/${core}/`,
  compare: () => '/compare/',
  quality: () => '/quality/',
  /** The findings of one check (`all`: every check), in the whole archive or in one province (its 2-digit code). */
  qualityList: (filter: string, province?: string) => `/quality/${filter}/${province ? `${province}/` : ''}`,
  data: () => '/data/',
  /** The 简表 and report tables (Chinese headers, states per cell) beside the pages that show them. */
  agencyTable: (id: string) => `/data/tables/agencies/${id}.csv`,
  yearTable: (year: number) => `/data/tables/years/${year}.csv`,
  regionTable: (code: string) => `/data/tables/regions/${code}.csv`,
  reportTable: (agency: string, year: number) => `/data/tables/reports/${agency}/${year}.csv`,
  /** The table of page `n` (1-based) of a metric page: its agencies' reports. */
  metricTable: (id: string, n: number) => `/data/tables/metrics/${id}/${n}.csv`,
  /** The machine-friendly files (ids as headers). */
  agencyJson: (id: string) => `/data/agencies/${id}.json`,
  yearCsv: (year: number) => `/data/reports/${year}.csv`,
  frameCsv: (core: string, year: number) => `/data/frames/${core}/${year}.csv`,
  /** An agency's chart of one comparable metric: the SVG file, and the page that shows it alone for an <iframe>. */
  agencyChart: (id: string, core: string) => `/charts/agencies/${id}/${core}.svg`,
  agencyEmbed: (id: string, core: string) => `/embed/agencies/${id}/${core}/`,
} as const;

/** Join the configured base ("/" or "/archive/") and a site path ("/agencies/"). */
export function withBase(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

/** Where absolute URLs point when SITE_URL is not set: the local preview (npm start). */
export const DEFAULT_SITE = 'http://127.0.0.1:4321';

/** The absolute URL of a site path, for canonical links, the feed and the sitemap. */
export function absoluteUrl(site: URL | string | undefined, base: string, path: string): string {
  return new URL(withBase(base, path), site ?? DEFAULT_SITE).href;
}

/**
 * Where a deployment keeps the original files (object storage, a CDN): content-addressed by SHA-256 so a
 * file is stored once and cannot be swapped. `NIANBAO_ORIGINALS_URL=https://files.example/originals` links
 * `https://files.example/originals/<sha256>/<file name>`. Unset: the site names the file and its digest only.
 */
export function originalFileUrl(originalsBase: string | undefined, source: { sha256?: string | undefined; file?: string | undefined }): string | undefined {
  if (!originalsBase || !source.sha256) return undefined;
  const name = (source.file ?? 'original').split('/').pop()!;
  return `${originalsBase.replace(/\/+$/, '')}/${source.sha256}/${encodeURIComponent(name)}`;
}
