/**
 * Edits to a report's front-matter that leave every other byte of the file as it was: each edit replaces,
 * inserts or removes only the lines of the entry it changes (found through the `yaml` package's source
 * ranges), and the result is read back and compared with the intended data before it is returned. A
 * re-serialized file would re-quote, re-wrap and re-order what editors wrote; a diff of a review must show
 * only what the review decided.
 */
import { CORE_SCHEMA, load } from 'js-yaml';
import { isMap, isScalar, isSeq, parseDocument, stringify, type Node, type Pair } from 'yaml';
import { isDeepStrictEqual } from 'node:util';
import { splitFrontMatter } from '../validate/front-matter.ts';

export type Path = readonly (string | number)[];

export type FrontMatterEdit =
  /** Set a mapping entry (made, with its parent mappings, where missing). */
  | { op: 'set'; path: Path; value: unknown }
  /** Remove a mapping entry or a list item; a mapping or list left empty goes too. */
  | { op: 'delete'; path: Path };

export class FrontMatterEditError extends Error {}

const lineStart = (text: string, at: number) => text.lastIndexOf('\n', at - 1) + 1;
const lineEnd = (text: string, at: number) => {
  const end = text.indexOf('\n', at);
  return end === -1 ? text.length : end + 1;
};

/** `key: value` as block YAML, each line indented by `indent` spaces. */
function entryText(key: string | number, value: unknown, indent: number): string {
  // YAML 1.1 rules for quoting, as js-yaml (and so Astro) reads: a date or "yes" stays a string.
  const text = stringify({ [key]: value }, { lineWidth: 0, indent: 2, version: '1.1' });
  return text
    .split('\n')
    .filter((line, i, all) => line !== '' || i < all.length - 1)
    .map((line) => `${' '.repeat(indent)}${line}\n`)
    .join('');
}

/**
 * The whole lines a mapping entry stands on, `[start, end)`: from its key's line to the end of its value's
 * last line (comments after it stay with what follows).
 */
function entryLines(text: string, keyRange: readonly number[], value: Node | null | undefined): [number, number] {
  const valueEnd = value?.range ? value.range[1] : keyRange[1]!;
  return [lineStart(text, keyRange[0]!), lineEnd(text, Math.max(valueEnd - 1, keyRange[0]!))];
}

function applyOne(yamlText: string, edit: FrontMatterEdit): string {
  const doc = parseDocument(yamlText, { keepSourceTokens: true });
  if (doc.errors.length) throw new FrontMatterEditError(`front-matter 不是有效的 YAML：${doc.errors[0]!.message}`);
  const parentPath = edit.path.slice(0, -1);
  const key = edit.path.at(-1)!;
  const parent = parentPath.length ? doc.getIn(parentPath, true) : doc.contents;

  if (edit.op === 'set') {
    if (parent === undefined || parent === null) {
      // Make the parent mapping first, then set the entry in it.
      return applyOne(yamlText, { op: 'set', path: parentPath, value: { [key]: edit.value } });
    }
    if (!isMap(parent)) throw new FrontMatterEditError(`${parentPath.join('.')} 不是映射，无法设置 ${String(key)}`);
    const pair = parent.items.find((p) => isScalar(p.key) && String(p.key.value) === String(key)) as Pair<Node, Node> | undefined;
    if (parent.flow) {
      // `metrics: {}` and the like: the whole flow mapping is rewritten as a block.
      const data = { ...(parent.toJSON() as Record<string, unknown>), [key]: edit.value };
      return applyOne(yamlText, { op: 'set', path: parentPath, value: data });
    }
    if (pair && isScalar(pair.key) && pair.key.range) {
      const [start, end] = entryLines(yamlText, pair.key.range, pair.value);
      const indent = pair.key.range[0] - start;
      return yamlText.slice(0, start) + entryText(key, edit.value, indent) + yamlText.slice(end);
    }
    // A new entry: after the mapping's last entry, at its indentation.
    const last = parent.items.at(-1) as Pair<Node, Node> | undefined;
    if (!last || !isScalar(last.key) || !last.key.range) {
      throw new FrontMatterEditError(`无法在 ${parentPath.join('.') || '顶层'} 中添加 ${String(key)}`);
    }
    const [lastStart, at] = entryLines(yamlText, last.key.range, last.value);
    const indent = last.key.range[0] - lastStart;
    return yamlText.slice(0, at) + entryText(key, edit.value, indent) + yamlText.slice(at);
  }

  // delete
  if (isMap(parent) && !parent.flow) {
    const pair = parent.items.find((p) => isScalar(p.key) && String(p.key.value) === String(key)) as Pair<Node, Node> | undefined;
    if (!pair || !isScalar(pair.key) || !pair.key.range) return yamlText;
    if (parent.items.length === 1 && parentPath.length) return applyOne(yamlText, { op: 'delete', path: parentPath });
    const [start, end] = entryLines(yamlText, pair.key.range, pair.value);
    return yamlText.slice(0, start) + yamlText.slice(end);
  }
  if (isSeq(parent) && !parent.flow && typeof key === 'number') {
    const item = parent.items[key] as Node | undefined;
    if (!item?.range) return yamlText;
    if (parent.items.length === 1) return applyOne(yamlText, { op: 'delete', path: parentPath });
    // The item's "- " stands on the line where its value starts.
    const start = lineStart(yamlText, item.range[0]);
    const end = lineEnd(yamlText, Math.max(item.range[1] - 1, item.range[0]));
    return yamlText.slice(0, start) + yamlText.slice(end);
  }
  if (parent === undefined || parent === null) return yamlText;
  throw new FrontMatterEditError(`无法删除 ${edit.path.join('.')}：它不在块格式的映射或列表中`);
}

/** The data the edits should leave (what the text, edited, must read back as). */
function applyToData(data: unknown, edit: FrontMatterEdit): unknown {
  const copy = structuredClone(data) as Record<string | number, unknown>;
  const parents: Record<string | number, unknown>[] = [copy];
  let node: Record<string | number, unknown> = copy;
  for (const step of edit.path.slice(0, -1)) {
    if (node[step] === undefined || node[step] === null) {
      if (edit.op === 'delete') return copy;
      node[step] = {};
    }
    node = node[step] as Record<string | number, unknown>;
    parents.push(node);
  }
  const key = edit.path.at(-1)!;
  if (edit.op === 'set') {
    node[key] = edit.value;
    return copy;
  }
  if (Array.isArray(node)) node.splice(Number(key), 1);
  else delete node[key];
  // A mapping or list left empty goes too (not the top level).
  for (let i = parents.length - 1; i > 0; i--) {
    const p = parents[i]!;
    if (Array.isArray(p) ? p.length > 0 : Object.keys(p).length > 0) break;
    const owner = parents[i - 1]!;
    const step = edit.path[i - 1]!;
    if (Array.isArray(owner)) owner.splice(Number(step), 1);
    else delete owner[step];
  }
  return copy;
}

/**
 * A report file with `edits` applied to its front-matter, in order; the body and every line the edits do
 * not touch stay byte for byte. Throws `FrontMatterEditError` when the file has no front-matter, or when
 * the edited text would not read back as exactly the intended data.
 */
export function editFrontMatter(fileText: string, edits: readonly FrontMatterEdit[]): string {
  const { frontMatter } = splitFrontMatter(fileText);
  if (frontMatter === undefined) throw new FrontMatterEditError('文件没有 front-matter');
  const at = fileText.indexOf(frontMatter);
  let yamlText = frontMatter.endsWith('\n') || frontMatter === '' ? frontMatter : `${frontMatter}\n`;
  let expected: unknown = load(frontMatter, { schema: CORE_SCHEMA }) ?? {};
  for (const edit of edits) {
    yamlText = applyOne(yamlText, edit);
    expected = applyToData(expected, edit);
  }
  const got = load(yamlText, { schema: CORE_SCHEMA }) ?? {};
  if (!isDeepStrictEqual(got, expected)) {
    throw new FrontMatterEditError('改写后的 front-matter 与预期的数据不一致，未写入（请报告这个问题）');
  }
  const rest = fileText.slice(at + frontMatter.length);
  // The original's ending of the front-matter block (with or without its last newline) is kept.
  const body = frontMatter.endsWith('\n') ? rest : rest.replace(/^\r?\n/, '');
  return fileText.slice(0, at) + yamlText + body;
}
