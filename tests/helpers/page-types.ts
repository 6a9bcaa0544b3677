/** One page of every type of the built 18-report site, as [name, path under the site's root]: what the browser tests visit. */
export const PAGE_TYPES = [
  ['home', ''],
  ['agencies', 'agencies/'],
  ['agency', 'agencies/350128-guanweihui/'],
  ['report (pre2019)', 'reports/110109-jiaowei/2014/'],
  ['report (2021)', 'reports/350128-guanweihui/2022/'],
  ['years', 'years/'],
  ['year', 'years/2014/'],
  ['metrics', 'metrics/'],
  ['metric', 'metrics/core_proactive/'],
  ['region', 'regions/3501/'],
  ['compare', 'compare/?a=370303-jiaoyuju&a=350128-guanweihui&m=core_proactive'],
  ['quality', 'quality/'],
  ['quality list', 'quality/all/'],
  ['data', 'data/'],
  ['embed', 'embed/agencies/350128-guanweihui/core_requests/'],
  ['search with results', `search/?q=${encodeURIComponent('行政复议')}`],
] as const;
