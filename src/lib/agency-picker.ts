/**
 * The compare page's type-ahead: a small index of the agencies that have
 * reports (made at build time, `/data/agency-index.json`), and the matching
 * the browser does over it as the visitor types. A query matches an agency's
 * short name, full name or aliases (Chinese, anywhere in the name); the pinyin
 * initials or the full pinyin of any of them (Latin letters: "ptzh" and
 * "pingtan" find 平潭综合实验区); its province, city or county ("山东", "淄博"),
 * after the names; or its division code ("3501", "350128"). The pinyin is
 * computed at build time (pinyin-pro), so the browser needs no pinyin data.
 */

/**
 * One agency in the index: [id, short name, full name, aliases, initials of each name (space-separated),
 * province, full pinyin of each name (space-separated), city and county (space-separated), division code].
 */
export type AgencyEntry = [id: string, shortName: string, name: string, aliases: string[], initials: string, province: string, pinyin: string, place: string, code: string];

export interface AgencyIndex {
  /** The format's version: a browser with an older page script refuses another. */
  version: 2;
  agencies: AgencyEntry[];
}

export interface IndexedAgency {
  id: string;
  shortName: string;
  name: string;
  aliases: readonly string[];
  province: string;
  city?: string | undefined;
  county?: string | undefined;
  divisionCode?: string | undefined;
}

/**
 * The index of `agencies`, in their order. `initialsOf` gives a name's pinyin initials in lower case
 * ("平潭综合实验区" → "ptzhsyq"), `pinyinOf` its full pinyin ("pingtanzonghe…"); they are passed in so that
 * this module needs no pinyin data.
 */
export function agencyIndex(agencies: readonly IndexedAgency[], initialsOf: (name: string) => string, pinyinOf: (name: string) => string = () => ''): AgencyIndex {
  const each = (names: readonly string[], f: (n: string) => string) => [...new Set(names.map((n) => f(n).toLowerCase()).filter(Boolean))].join(' ');
  return {
    version: 2,
    agencies: agencies.map((a) => {
      const names = [...new Set([a.shortName, a.name, ...a.aliases])];
      const place = [a.city, a.county].filter((p): p is string => Boolean(p)).join(' ');
      return [a.id, a.shortName, a.name, a.aliases.filter((n) => n !== a.shortName && n !== a.name), each(names, initialsOf), a.province, each(names, pinyinOf), place, a.divisionCode ?? a.id.split('-')[0]!];
    }),
  };
}

const LATIN = /^[a-z]+$/;
const DIGITS = /^\d{2,6}$/;

/** What a visitor typed, as matched: without spaces, Latin letters in lower case. */
export function normalQuery(query: string): string {
  return query.replace(/\s+/g, '').toLowerCase();
}

/**
 * The agencies a query matches, best first, at most `limit`: a match at the start of a name (or of its pinyin)
 * before one inside it, a name before a place, then shorter short names. Latin letters match the initials and
 * the full pinyin; digits the division code from its start; anything else the names, then the places.
 */
export function matchAgencies(index: AgencyIndex, query: string, limit = 12): AgencyEntry[] {
  const q = normalQuery(query);
  if (!q) return [];
  const latin = LATIN.test(q);
  const digits = DIGITS.test(q);
  const scored: { entry: AgencyEntry; score: number }[] = [];
  for (const entry of index.agencies) {
    const [, shortName, name, aliases, initials, province, pinyin, place, code] = entry;
    let score = Infinity;
    const scan = (fields: readonly string[], base: number) => {
      for (const field of fields) {
        const at = field.toLowerCase().indexOf(q);
        if (at === 0) score = Math.min(score, base);
        else if (at > 0) score = Math.min(score, base + 1);
      }
    };
    if (digits) {
      if ((code ?? '').startsWith(q)) score = 0;
    } else if (latin) {
      scan([...initials.split(' '), ...(pinyin ?? '').split(' ')], 0);
    } else {
      scan([shortName, name, ...aliases], 0);
      scan([province, ...(place ?? '').split(' ')].filter(Boolean), 2);
    }
    if (score < Infinity) scored.push({ entry, score });
  }
  scored.sort((a, b) => a.score - b.score || a.entry[1].length - b.entry[1].length);
  return scored.slice(0, limit).map((s) => s.entry);
}
