/** A report's edition and a stub agency's id; which year it is about is in year-evidence.ts, who published it in agency-name.ts. */
import { editionForYear, type EditionId } from '../../catalogue/index.ts';

export interface AgencyRecord {
  id: string;
  name: string;
  shortName: string;
  aliases: readonly string[];
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
