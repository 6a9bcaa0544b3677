/**
 * The fixed set of queries `npm run bench:search -- --site` measures (issue 25): what visitors type, from an
 * archive's own names. Agency and place names, common terms, rarer ones, quoted phrases, single characters, two
 * words, and common terms with each kind of filter. The same archive (same seed) gives the same set.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';

export type QueryKind = '机构' | '地名' | '常用词' | '较少见的词' | '短语' | '单字' | '两个词' | '带筛选';

export interface BenchQuery {
  kind: QueryKind;
  /** What the visitor types. */
  q: string;
  /** Filters chosen on the search page, by their names (年份, 省份, 层级, 版式). */
  filters?: Record<string, string>;
}

interface AgencyNames {
  name: string;
  shortName: string;
  province: string;
  city?: string;
  county?: string;
}

/** The agencies of a content folder, in file order. */
function agenciesOf(content: string): AgencyNames[] {
  const dir = join(content, 'agencies');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => parseYaml(readFileSync(join(dir, f), 'utf8')) as AgencyNames);
}

/** The query set for the archive in `content` (at least 20 queries). */
export function querySet(content: string): BenchQuery[] {
  const agencies = agenciesOf(content);
  const first = agencies[0]!;
  const county = agencies.find((a) => a.county) ?? first;
  const other = agencies[Math.floor(agencies.length / 2)] ?? first;
  return [
    { kind: '机构', q: first.name },
    { kind: '机构', q: other.shortName },
    { kind: '机构', q: `${county.shortName} 2014` },
    { kind: '地名', q: county.city ?? county.province },
    { kind: '地名', q: county.county ?? county.province },
    { kind: '地名', q: other.province },
    { kind: '常用词', q: '行政复议' },
    { kind: '常用词', q: '依申请公开' },
    { kind: '常用词', q: '主动公开' },
    { kind: '常用词', q: '政府信息公开' },
    { kind: '较少见的词', q: '837条' },
    { kind: '较少见的词', q: '公共资源交易专题培训' },
    { kind: '短语', q: '“保密审查制度”' },
    { kind: '短语', q: '“回应社会关切机制”' },
    { kind: '短语', q: '“政务微信公众号”' },
    { kind: '单字', q: '议' },
    { kind: '单字', q: '县' },
    { kind: '两个词', q: '教育 培训' },
    { kind: '两个词', q: '财政预决算 政务微博' },
    { kind: '带筛选', q: '行政复议', filters: { 年份: '2021' } },
    { kind: '带筛选', q: '依申请公开', filters: { 省份: other.province } },
    { kind: '带筛选', q: '人民政府', filters: { 层级: '县级' } },
    { kind: '带筛选', q: '保密审查', filters: { 版式: '2021年版式' } },
  ];
}
