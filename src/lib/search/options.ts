/** The values each search filter can take, from the archive, as the index writes them. */
import type { Archive } from '../archive.ts';
import { sortByPinyin } from '../collate.ts';
import { EDITIONS } from '../catalogue/index.ts';
import { LEVELS } from '../divisions.ts';
import type { SearchFilter } from './state.ts';

export function filterOptions(archive: Archive): Record<SearchFilter, string[]> {
  const unique = (values: (string | undefined)[]) => [...new Set(values.filter((v): v is string => Boolean(v)))];
  const editions = new Set(archive.reports.map((r) => r.edition));
  const levels = new Set(archive.agencies.flatMap((a) => (a.level ? [a.level] : [])));
  return {
    省份: sortByPinyin(unique(archive.agencies.map((a) => a.province)), (v) => v),
    地市: sortByPinyin(unique(archive.agencies.map((a) => a.city)), (v) => v),
    机构: archive.agencies.filter((a) => archive.reportsByAgency.get(a.id)?.length).map((a) => a.name),
    年份: [...archive.years].reverse().map(String),
    版式: EDITIONS.filter((e) => editions.has(e.id)).map((e) => e.label),
    层级: LEVELS.filter((l) => levels.has(l)),
  };
}
