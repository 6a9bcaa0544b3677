/**
 * Reading YAML with positions, so every problem can name its line.
 */
import { CORE_SCHEMA, load, type YAMLException } from 'js-yaml';
import { isMap, isScalar, LineCounter, parseDocument, type Document } from 'yaml';

export interface ParsedYaml {
  data: unknown;
  /** YAML syntax errors, with 1-based lines in the containing file. */
  errors: { line: number; message: string }[];
  /** 1-based line (in the containing file) of the value at `path`, or of its nearest parent that exists. */
  lineOf(path: readonly (string | number)[]): number;
}

/**
 * Parse YAML that starts at line `firstLine` of its file (2 for front-matter
 * after the opening ---). Data comes from js-yaml, as Astro reads front-matter
 * (but with dates kept as written, so an impossible date is an error, not another day);
 * positions (from the `yaml` package, which keeps them) are computed only when a
 * line is asked for, since only files with problems need them.
 */
export function parseYaml(text: string, firstLine = 1): ParsedYaml {
  let data: unknown;
  const errors: ParsedYaml['errors'] = [];
  try {
    // CORE_SCHEMA reads dates as text: the default schema would turn 2021-02-30 into 2021-03-02 unnoticed.
    data = load(text, { schema: CORE_SCHEMA }) ?? {};
  } catch (error) {
    const e = error as YAMLException;
    errors.push({ line: (e.mark?.line ?? 0) + firstLine, message: e.reason ?? e.message.split('\n')[0]! });
  }
  let positions: { doc: Document; lineCounter: LineCounter } | undefined;
  const toFileLine = (lineCounter: LineCounter, offset: number) => lineCounter.linePos(offset).line + firstLine - 1;
  return {
    data,
    errors,
    lineOf(path) {
      if (!positions) {
        const lineCounter = new LineCounter();
        positions = { doc: parseDocument(text, { lineCounter, prettyErrors: false }), lineCounter };
      }
      const { doc, lineCounter } = positions;
      for (let n = path.length; n > 0; n--) {
        const prefix = path.slice(0, n);
        // Point at the key of a mapping entry when there is one: that is where an editor looks.
        const parent = n > 1 ? doc.getIn(prefix.slice(0, -1), true) : doc.contents;
        if (isMap(parent)) {
          const pair = parent.items.find((p) => isScalar(p.key) && String(p.key.value) === String(prefix.at(-1)));
          const range = pair && isScalar(pair.key) ? pair.key.range : undefined;
          if (range) return toFileLine(lineCounter, range[0]);
        }
        const node = doc.getIn(prefix, true) as { range?: [number, number, number] } | undefined;
        if (node?.range) return toFileLine(lineCounter, node.range[0]);
      }
      return firstLine;
    },
  };
}

export interface SplitMarkdown {
  /** The YAML between the --- lines, or `undefined` when the file has no front-matter. */
  frontMatter: string | undefined;
  body: string;
  /** 1-based line where the body starts. */
  bodyLine: number;
}

/** Split a Markdown file into its front-matter and body. */
export function splitFrontMatter(text: string): SplitMarkdown {
  const match = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
  if (!match) return { frontMatter: undefined, body: text, bodyLine: 1 };
  const bodyLine = match[0].split('\n').length - (match[0].endsWith('\n') ? 1 : 0) + 1;
  return { frontMatter: match[1]!, body: text.slice(match[0].length), bodyLine };
}
