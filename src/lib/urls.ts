/** Site paths, in one place. Paths have no base; `withBase` adds the deployment's sub-path. */

export const paths = {
  home: () => '/',
  agencies: () => '/agencies/',
  agency: (id: string) => `/agencies/${id}/`,
  report: (agency: string, year: number) => `/reports/${agency}/${year}/`,
  years: () => '/years/',
  year: (year: number) => `/years/${year}/`,
  search: () => '/search/',
} as const;

/** Join the configured base ("/" or "/archive/") and a site path ("/agencies/"). */
export function withBase(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}
