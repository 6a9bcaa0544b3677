/** Which year a report is about, and its edition; who published it is in publisher/. */
import { editionForYear, type EditionId } from '../../catalogue/index.ts';

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

export function editionOf(year: number): EditionId | undefined {
  return editionForYear(year);
}

/** A stable ASCII id for an agency the archive does not know yet: its division code where the name gives one, and a hash of the name. */
export function stubAgencyId(name: string, divisionCode = '000000'): string {
  let hash = 0x811c9dc5;
  for (const ch of name) hash = Math.imul(hash ^ ch.codePointAt(0)!, 0x01000193) >>> 0;
  return `${divisionCode}-stub-${hash.toString(36)}`;
}
