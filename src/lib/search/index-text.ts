/**
 * The text Pagefind indexes, and back: Chinese as overlapping character pairs.
 *
 * - Pagefind's own Chinese words do not work: it segments with one segmenter when
 *   indexing and the browser's Intl.Segmenter when searching, and where they
 *   disagree a word inside a longer indexed word is never found (复议 in 行政复议;
 *   upstream Pagefind issue #1237).
 * - Single characters (the scheme before this one) find everything, but every
 *   character's list covers nearly every page: one four-character query loaded
 *   474 KB of index at 10,000 reports.
 * - Pairs: every Han character becomes one token naming it and the Han character
 *   after it (行政复议 → 行政 政复 复议 议…). A phrase of n characters is n−1
 *   consecutive tokens, and a token's list holds only the pages with that pair.
 *
 * Pagefind's Chinese segmenter splits a pair that is not a dictionary word, so a
 * token is written in Latin letters (four per character), which it keeps whole.
 * Original ASCII letters and digits get a leading "0", so no original word can be
 * read back as a token: decoding is exact.
 */

/**
 * The language the index is built in: BCP 47 "undetermined". The index holds
 * the Latin-letter tokens, not Chinese: as zh-cn, Pagefind segmented them as
 * Chinese and stored a zero-width space after every token in each result's
 * text (a tenth of the bytes of a result). Under a language it has no rules
 * for, it neither stems nor segments, and the browser's Pagefind reads the
 * only language the index has, whatever the page's lang.
 */
export const INDEX_LANGUAGE = 'und';

const HAN = /\p{Script=Han}/u;
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
/** The first Han code point (CJK Radicals Supplement); 26⁴ values above it reach past the last CJK extension. */
const FIRST_HAN = 0x2e80;
const TOKEN = /^[a-z]{4}(?:[a-z]{4})?$/;
/** An HTML character reference (the longest named one is 33 characters) is passed through whole ("&amp;" must not become "&0amp;"). */
const ENTITY = /^&(?:[A-Za-z][A-Za-z0-9]*|#\d+|#x[0-9A-Fa-f]+);/;

/** One Han character as four lower-case letters. */
export function encodeHan(char: string): string {
  let value = char.codePointAt(0)! - FIRST_HAN;
  let out = '';
  for (let i = 0; i < 4; i++) {
    out = LETTERS[value % 26]! + out;
    value = Math.floor(value / 26);
  }
  return out;
}

/** The Han character four letters stand for. */
export function decodeHan(letters: string): string {
  let value = 0;
  for (const letter of letters) value = value * 26 + LETTERS.indexOf(letter);
  return String.fromCodePoint(value + FIRST_HAN);
}

/** Which BMP code units are Han: a table built on first use, as a Unicode-property regex per character is slow over every page of the site. */
let hanBmp: Uint8Array | undefined;
function hanTable(): Uint8Array {
  if (!hanBmp) {
    hanBmp = new Uint8Array(0x10000);
    for (let c = FIRST_HAN; c < 0x10000; c++) if (c < 0xd800 || c > 0xdfff) hanBmp[c] = HAN.test(String.fromCharCode(c)) ? 1 : 0;
  }
  return hanBmp;
}

const isHan = (char: string): boolean => (char.length === 1 ? hanTable()[char.charCodeAt(0)] === 1 : HAN.test(char));
const isSpace = (code: number): boolean => code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || code === 0x3000 || (code > 127 && /\s/.test(String.fromCharCode(code)));
const isAlnum = (code: number): boolean => (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);

const codes = new Map<string, string>();
const encodeCached = (char: string): string => {
  let code = codes.get(char);
  if (code === undefined) codes.set(char, (code = encodeHan(char)));
  return code;
};

/**
 * Encode text pieces read in order as one text (the pieces are the text between
 * the tags of a page). A Han character's pair partner is the next non-whitespace
 * character, in this piece or a later one, so a pair spans whitespace and markup
 * as the text does. `breaks[i]` says whether a word boundary stands before piece
 * i (a block tag), for Latin words.
 */
function encodePieces(pieces: readonly string[], breaks: readonly boolean[]): string[] {
  const out: string[][] = pieces.map(() => []);
  // The last Han character, waiting for the next non-whitespace character to name its pair.
  let pending: { piece: number; slot: number; char: string } | undefined;
  const settle = (partner: string) => {
    if (!pending) return;
    out[pending.piece]![pending.slot] = ` ${encodeCached(pending.char)}${isHan(partner) ? encodeCached(partner) : ''} `;
    pending = undefined;
  };
  let inWord = false;
  pieces.forEach((piece, p) => {
    const buffer = out[p]!;
    if (breaks[p]) inWord = false;
    for (let i = 0; i < piece.length; i++) {
      const code = piece.charCodeAt(i);
      const wide = code >= 0xd800 && code <= 0xdbff && i + 1 < piece.length;
      const char = wide ? piece.slice(i, i + 2) : piece[i]!;
      if (wide) i++;
      if (isSpace(code)) {
        buffer.push(char);
        inWord = false;
        continue;
      }
      settle(char);
      const entity = code === 38 /* & */ ? ENTITY.exec(piece.slice(i, i + 40))?.[0] : undefined;
      if (isHan(char)) {
        pending = { piece: p, slot: buffer.length, char };
        buffer.push('');
        inWord = false;
      } else if (isAlnum(code)) {
        buffer.push(inWord ? char : `0${char}`);
        inWord = true;
      } else if (entity) {
        buffer.push(entity);
        i += entity.length - 1;
        inWord = false;
      } else {
        buffer.push(char);
        inWord = false;
      }
    }
  });
  settle('');
  return out.map((b) => b.join(''));
}

/** Plain text (a query) in the indexed form: "行政复议11起" → " bfyaasqx  asqxaoav  aoavbhfi  bhfi 011 bjzb ". */
export function toIndexText(text: string): string {
  return encodePieces([text], [true])[0]!;
}

/** Inline elements: their tags do not end a word, as in the text a reader sees. */
const INLINE = new Set(['a', 'abbr', 'b', 'bdi', 'bdo', 'cite', 'code', 'data', 'dfn', 'em', 'i', 'kbd', 'mark', 'q', 's', 'samp', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'var', 'wbr']);

/** A page in the indexed form: the text between tags is encoded; tags and attributes are left alone. */
export function toIndexHtml(html: string): string {
  const parts = html.split(/(<[^>]*>)/);
  const pieces = parts.filter((_, i) => i % 2 === 0);
  const breaks = pieces.map((_, i) => {
    if (i === 0) return true;
    const name = /^<\/?([A-Za-z][A-Za-z0-9-]*)/.exec(parts[2 * i - 1]!)?.[1]?.toLowerCase();
    return !name || !INLINE.has(name);
  });
  const encoded = encodePieces(pieces, breaks);
  return parts.map((part, i) => (i % 2 === 0 ? encoded[i / 2]! : part)).join('');
}

/**
 * The indexed form (Pagefind's fragment text) back to the page text: tokens become
 * their character, escaped Latin words lose their "0", and whitespace next to a
 * Han character goes (Chinese text carries none that matters).
 */
export function fromIndexText(indexed: string): string {
  const decoded = indexed.replace(/[0-9A-Za-z]+/g, (run) => (run.startsWith('0') ? run.slice(1) : TOKEN.test(run) ? decodeHan(run.slice(0, 4)) : run));
  return decoded.replace(/\s+(?=\p{Script=Han})|(?<=\p{Script=Han})\s+/gu, '');
}

/** The index tokens a needle's pages all have: `exact` ones in order, and a trailing `prefix`. */
export interface NeedleTokens {
  exact: string[];
  /** A final lone Han character: its token depends on what follows it in the page, so it can only match as a prefix. */
  prefix?: string;
}

/**
 * A needle (whitespace-free, as `normaliseForMatch` gives) as index tokens. The
 * last Han character's token depends on what follows it in the page: it is left
 * out when the pair before it already covers it, and otherwise kept as a prefix.
 */
export function needleTokens(needle: string): NeedleTokens {
  const tokens = toIndexText(needle).split(/\s+/).filter(Boolean);
  const chars = [...needle];
  if (!HAN.test(chars.at(-1) ?? '')) return { exact: tokens };
  const last = tokens.pop()!;
  return chars.length >= 2 && HAN.test(chars.at(-2)!) ? { exact: tokens } : { exact: tokens, prefix: last };
}
