/** What overwriting a report changes, in one line, for `--force`. */
import { splitFrontMatter, parseYaml } from '../validate/front-matter.ts';

type Metrics = Record<string, { value?: number; approx?: boolean } | number>;

function metricsOf(text: string): Metrics {
  const { frontMatter } = splitFrontMatter(text);
  const data = (frontMatter ? parseYaml(frontMatter).data : {}) as { metrics?: Metrics } | undefined;
  return data?.metrics ?? {};
}

const show = (v: Metrics[string] | undefined) =>
  v === undefined ? '无' : typeof v === 'number' ? String(v) : `${v.approx ? '约' : ''}${v.value}`;

export function describeChanges(before: string, after: string): string {
  const a = metricsOf(before);
  const b = metricsOf(after);
  const ids = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  const changed = ids.filter((id) => show(a[id]) !== show(b[id])).map((id) => `${id} ${show(a[id])}→${show(b[id])}`);
  const body = splitFrontMatter(before).body.trim() === splitFrontMatter(after).body.trim() ? '正文不变' : '正文有改动';
  return `${changed.length ? `指标 ${changed.length} 项改动（${changed.slice(0, 8).join('，')}${changed.length > 8 ? '…' : ''}）` : '指标不变'}，${body}`;
}
