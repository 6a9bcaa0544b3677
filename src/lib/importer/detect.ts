/** Who reported on which year: read from the title (and the text where the title says nothing). */
import { editionForYear, type EditionId } from '../catalogue/index.ts';

export interface AgencyRecord {
  id: string;
  name: string;
  shortName: string;
  aliases: readonly string[];
}

/** The year a report is about: the first "20xx年" of its title, else its statistics period. */
export function detectYear(title: string | undefined, markdown: string): number | undefined {
  const fromTitle = title && /((?:19|20)\d{2})\s*年/.exec(title)?.[1];
  if (fromTitle) return Number(fromTitle);
  const period = /统计(?:期限|时限|时间)[^。]{0,6}?((?:19|20)\d{2})年1月1日/.exec(markdown)?.[1];
  return period ? Number(period) : undefined;
}

/** The agency name as the title prints it: everything before the year. */
export function agencyNameInTitle(title: string): string | undefined {
  const at = title.search(/(?:19|20)\d{2}\s*年/);
  const name = (at > 0 ? title.slice(0, at) : '').replace(/[（(].*$/, '').trim();
  return name.length >= 2 ? name : undefined;
}

/** The agency whose name, short name or alias is the title's agency name (or the longest that the title starts with). */
export function resolveAgency(title: string, agencies: readonly AgencyRecord[]): AgencyRecord | undefined {
  const printed = agencyNameInTitle(title);
  const spellings = agencies.flatMap((a) => [a.name, a.shortName, ...a.aliases].map((s) => ({ a, s })));
  const exact = printed && spellings.find(({ s }) => s === printed);
  if (exact) return exact.a;
  const prefix = spellings.filter(({ s }) => title.startsWith(s)).sort((x, y) => y.s.length - x.s.length)[0];
  return prefix?.a;
}

export function editionOf(year: number): EditionId | undefined {
  return editionForYear(year);
}

/** A stable ASCII id for an agency the archive does not know yet. */
export function stubAgencyId(name: string): string {
  let hash = 0x811c9dc5;
  for (const ch of name) hash = Math.imul(hash ^ ch.codePointAt(0)!, 0x01000193) >>> 0;
  return `000000-stub-${hash.toString(36)}`;
}
