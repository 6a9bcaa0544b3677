/**
 * Matching a printed agency name to the archive's agencies. A name matches when it
 * is a known name, short name or alias, compared without spaces, bracket width or
 * look-alike characters or characters no reader sees (zero-width, bidi, controls); or that spelling with place names in front
 * ("北京市" + "门头沟区教委"). A name that merely starts like a known one is another
 * body: 平潭综合实验区地方税务局 is not 平潭综合实验区 (the 管委会).
 */
import { foldCharacters } from '../template/labels.ts';
import { nameKey } from '../../schema/names.ts';
import type { AgencyRecord } from './report-year.ts';

/** A name as compared: invisible characters and spaces removed (NFKC), look-alikes folded. */
const normalise = (name: string) => nameKey(foldCharacters(name)).replace(/[·•]/g, '');

/** Place names that may stand before a known spelling: provinces, cities, counties, districts, banners. */
const PLACE_PREFIX = /^(?:[\u4e00-\u9fff]{1,8}?(?:省|自治区|市|自治州|地区|盟|州|县|自治县|区|旗))+$/u;

export function resolveAgency(printed: string | undefined, agencies: readonly AgencyRecord[]): AgencyRecord | undefined {
  if (!printed) return undefined;
  const name = normalise(printed);
  const spellings = agencies.flatMap((a) => [a.name, a.shortName, ...a.aliases].filter(Boolean).map((s) => ({ a, s: normalise(s) })));
  const exact = [...new Set(spellings.filter(({ s }) => s === name).map(({ a }) => a))];
  if (exact.length === 1) return exact[0];
  if (exact.length > 1) return undefined;
  const prefixed = [...new Set(spellings.filter(({ s }) => s.length >= 3 && name.endsWith(s) && PLACE_PREFIX.test(name.slice(0, -s.length))).map(({ a }) => a))];
  return prefixed.length === 1 ? prefixed[0] : undefined;
}
