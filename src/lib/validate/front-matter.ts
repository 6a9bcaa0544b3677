/**
 * Reading YAML with positions, so every problem can name its line.
 */
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
 * after the opening ---). Dates stay strings here; the schema accepts both forms.
 */
export function parseYaml(text: string, firstLine = 1): ParsedYaml {
  const lineCounter = new LineCounter();
  const doc: Document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const toFileLine = (offset: number) => lineCounter.linePos(offset).line + firstLine - 1;
  const errors = doc.errors.map((e) => ({ line: toFileLine(e.pos[0]), message: e.message.split('\n')[0]! }));
  return {
    data: errors.length ? undefined : doc.toJS(),
    errors,
    lineOf(path) {
      for (let n = path.length; n > 0; n--) {
        const prefix = path.slice(0, n);
        // Point at the key of a mapping entry when there is one: that is where an editor looks.
        const parent = n > 1 ? doc.getIn(prefix.slice(0, -1), true) : doc.contents;
        if (isMap(parent)) {
          const pair = parent.items.find((p) => isScalar(p.key) && String(p.key.value) === String(prefix.at(-1)));
          const range = pair && isScalar(pair.key) ? pair.key.range : undefined;
          if (range) return toFileLine(range[0]);
        }
        const node = doc.getIn(prefix, true) as { range?: [number, number, number] } | undefined;
        if (node?.range) return toFileLine(node.range[0]);
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
