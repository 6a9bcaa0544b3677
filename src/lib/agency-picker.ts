/**
 * The compare page's type-ahead: a small index of the agencies that have
 * reports (made at build time, `/data/agency-index.json`), and the matching
 * the browser does over it as the visitor types. A query matches an agency's
 * short name, full name or aliases (Chinese, anywhere in the name), or the
 * pinyin initials of any of them (Latin letters: "ptzh" finds 平潭综合实验区).
 * The initials are computed at build time (pinyin-pro), so the browser needs no
 * pinyin data.
 */

/** One agency in the index: [id, short name, full name, aliases, initials of each name (space-separated), province]. */
export type AgencyEntry = [id: string, shortName: string, name: string, aliases: string[], initials: string, province: string];

export interface AgencyIndex {
  /** The format's version: a browser with an older page script refuses another. */
  version: 1;
  agencies: AgencyEntry[];
}

export interface IndexedAgency {
  id: string;
  shortName: string;
  name: string;
  aliases: readonly string[];
  province: string;
}

/**
 * The index of `agencies`, in their order. `initialsOf` gives a name's pinyin initials in lower case
 * ("平潭综合实验区" → "ptzhsyq"); it is passed in so that this module needs no pinyin data.
 */
export function agencyIndex(agencies: readonly IndexedAgency[], initialsOf: (name: string) => string): AgencyIndex {
  return {
    version: 1,
    agencies: agencies.map((a) => {
      const names = [...new Set([a.shortName, a.name, ...a.aliases])];
      const initials = [...new Set(names.map((n) => initialsOf(n).toLowerCase()).filter(Boolean))].join(' ');
      return [a.id, a.shortName, a.name, a.aliases.filter((n) => n !== a.shortName && n !== a.name), initials, a.province];
    }),
  };
}

const LATIN = /^[a-z]+$/;

/** What a visitor typed, as matched: without spaces, Latin letters in lower case. */
export function normalQuery(query: string): string {
  return query.replace(/\s+/g, '').toLowerCase();
}

/**
 * The agencies a query matches, best first, at most `limit`: a match at the start of a name (or of its initials)
 * before one inside it, then shorter short names. Latin letters match the initials; anything else the names.
 */
export function matchAgencies(index: AgencyIndex, query: string, limit = 12): AgencyEntry[] {
  const q = normalQuery(query);
  if (!q) return [];
  const latin = LATIN.test(q);
  const scored: { entry: AgencyEntry; score: number }[] = [];
  for (const entry of index.agencies) {
    const [, shortName, name, aliases, initials] = entry;
    const fields = latin ? initials.split(' ') : [shortName, name, ...aliases];
    let score = Infinity;
    for (const field of fields) {
      const at = field.toLowerCase().indexOf(q);
      if (at === 0) score = Math.min(score, 0);
      else if (at > 0) score = Math.min(score, 1);
    }
    if (score < Infinity) scored.push({ entry, score });
  }
  scored.sort((a, b) => a.score - b.score || a.entry[1].length - b.entry[1].length);
  return scored.slice(0, limit).map((s) => s.entry);
}
