/**
 * The quality pages' lists: findings filtered by check and by province, in the
 * order a reader looks for an agency (province, city, name; then year, newest
 * first). Every finding is in the list of its check and of "all", for the whole
 * archive and for its province.
 */
import type { Agency } from '../archive.ts';
import { FINDING_LABELS, SEVERITIES, type Finding, type FindingKind } from './finding.ts';

/** A check, or every check. */
export type QualityFilter = FindingKind | 'all';

/** Every check, then each check in the order of its severity (finding.ts). */
export const QUALITY_FILTERS: readonly QualityFilter[] = ['all', ...SEVERITIES.flatMap((s) => s.kinds)];

export function filterLabel(filter: QualityFilter): string {
  return filter === 'all' ? '全部检查' : FINDING_LABELS[filter];
}

export interface Province {
  /** The first two digits of the division code ("35"). */
  code: string;
  name: string;
}

/** One list of findings: one check (or all) in the whole archive or in one province. */
export interface QualityListing {
  filter: QualityFilter;
  province?: Province;
  findings: Finding[];
}

const agencyIdOf = (finding: Finding) => finding.report.split('/')[0]!;
const yearOf = (finding: Finding) => Number(finding.report.split('/')[1]);

/**
 * Findings by severity (numbers that do not add up first, so a page of many starts with them), then their
 * agencies' place in `order` (regionOrder), then year (newest first), then check.
 */
export function listedFindings(findings: readonly Finding[], order: ReadonlyMap<string, number>): Finding[] {
  const kinds = SEVERITIES.flatMap((s) => s.kinds);
  const severity = (f: Finding) => SEVERITIES.findIndex((s) => s.kinds.includes(f.kind));
  const place = (f: Finding) => order.get(agencyIdOf(f)) ?? Infinity;
  return [...findings].sort((a, b) => severity(a) - severity(b) || place(a) - place(b) || yearOf(b) - yearOf(a) || kinds.indexOf(a.kind) - kinds.indexOf(b.kind));
}

/** The province of a finding's report, from its agency's division code; undefined for an unknown agency. */
export function provinceOf(finding: Finding, agencyById: ReadonlyMap<string, Agency>): Province | undefined {
  const agency = agencyById.get(agencyIdOf(finding));
  return agency ? { code: agency.divisionCode.slice(0, 2), name: agency.province } : undefined;
}

/**
 * Every list the quality pages show: per filter, the whole archive's, then each province's that has findings
 * (provinces in the order their findings come). Lists keep `findings`' order.
 */
export function qualityListings(findings: readonly Finding[], agencyById: ReadonlyMap<string, Agency>): QualityListing[] {
  const provinces = new Map<string, Province>();
  const byProvince = new Map<string, Finding[]>();
  for (const f of findings) {
    const province = provinceOf(f, agencyById);
    if (!province) continue;
    provinces.set(province.code, province);
    const own = byProvince.get(province.code);
    if (own) own.push(f);
    else byProvince.set(province.code, [f]);
  }
  return QUALITY_FILTERS.flatMap((filter) => {
    const keep = (list: readonly Finding[]) => (filter === 'all' ? [...list] : list.filter((f) => f.kind === filter));
    return [
      { filter, findings: keep(findings) },
      ...[...provinces.values()].flatMap((province) => {
        const own = keep(byProvince.get(province.code)!);
        return own.length ? [{ filter, province, findings: own }] : [];
      }),
    ];
  });
}
