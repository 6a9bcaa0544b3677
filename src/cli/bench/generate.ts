/**
 * A synthetic archive for benchmarks: agencies across provinces and levels,
 * reports for 2008–2025 in the edition of their year, bodies assembled from
 * sentence patterns (varied, so the search index is realistic), metrics with
 * absent and approximate values, and the 2019/2021 tables with their identities.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { APPLICANT_COLUMNS, METRICS, TABLE_3_ROWS, editionForYear, getEdition, type EditionId } from '../../lib/catalogue/index.ts';
import { divisionData, PROVINCES } from '../../lib/divisions.ts';
import { seeded, type Random } from './random.ts';

const KINDS = ['教育局', '人民政府', '卫生健康委员会', '公安局', '财政局', '生态环境局', '交通运输局', '市场监督管理局', '民政局', '住房和城乡建设局'];
const PLACES = ['东', '西', '南', '北', '中', '新', '安', '平', '永', '长', '兴', '和', '宁', '城', '江', '山', '河', '阳', '丰', '清'];
const TOPICS = ['政策文件', '规划计划', '财政预决算', '重大项目', '行政审批', '民生保障', '教育招生', '医疗卫生', '环境保护', '安全生产', '价格收费', '征地拆迁', '扶贫救助', '食品药品', '公共资源交易'];
const CHANNELS = ['政府门户网站', '政务微博', '政务微信公众号', '政府公报', '新闻发布会', '公开栏', '档案馆', '图书馆查阅点', '政务服务中心'];
const VERBS = ['进一步加强', '持续推进', '认真落实', '不断完善', '积极探索', '切实做好', '深入开展', '稳步推进'];
const THINGS = ['信息发布审核机制', '保密审查制度', '依申请公开办理流程', '政策解读工作', '回应社会关切机制', '考核评议制度', '网站栏目建设', '信息公开指南和目录'];

function sentence(r: Random): string {
  switch (r.int(0, 4)) {
    case 0: return `${r.pick(VERBS)}${r.pick(THINGS)}，围绕${r.pick(TOPICS)}和${r.pick(TOPICS)}等重点领域，通过${r.pick(CHANNELS)}及时公开相关信息。`;
    case 1: return `全年通过${r.pick(CHANNELS)}发布${r.pick(TOPICS)}信息${r.int(3, 900)}条，${r.pick(VERBS)}${r.pick(THINGS)}。`;
    case 2: return `针对${r.pick(TOPICS)}中群众关心的问题，${r.pick(VERBS)}${r.pick(THINGS)}，做到应公开尽公开。`;
    case 3: return `组织开展${r.pick(TOPICS)}专题培训${r.int(1, 12)}次，参训人员${r.int(10, 400)}人次，${r.pick(VERBS)}${r.pick(THINGS)}。`;
    default: return `存在的问题主要是${r.pick(TOPICS)}信息更新不够及时，下一步将${r.pick(VERBS)}${r.pick(THINGS)}。`;
  }
}

const paragraph = (r: Random, n: number) => Array.from({ length: n }, () => sentence(r)).join('');

interface Metric { id: string; value: number; approx?: boolean; quote: string }

/** A pre2019 report: prose with metric sentences, an appendix table for some. */
function pre2019(r: Random, year: number, edition: EditionId): { body: string; metrics: Metric[] } {
  const metrics: Metric[] = [];
  const blocks: string[] = [];
  const sections = getEdition(edition).sections;
  sections.forEach((title, i) => {
    blocks.push(`## ${title}`, paragraph(r, r.int(2, 6)));
    if (i === 1 && r.chance(0.9)) {
      const n = r.count(3000) + 1;
      const approx = r.chance(0.1);
      const quote = `${year}年，共主动公开政府信息${n}${approx ? '余' : ''}条`;
      blocks.push(`${quote}，其中${r.pick(TOPICS)}类信息占比较大。`);
      metrics.push({ id: 'proactive_total', value: n, ...(approx ? { approx: true } : {}), quote });
    }
    if (i === 2 && r.chance(0.8)) {
      const n = r.chance(0.5) ? 0 : r.int(1, 60);
      const quote = n === 0 ? `${year}年，未收到政府信息公开申请。` : `${year}年共受理政府信息公开申请${n}件。`;
      blocks.push(quote + paragraph(r, 1));
      metrics.push({ id: 'applications_total', value: n, quote: quote.replace(/。$/, '') });
    }
    if (i === 4 && r.chance(0.7)) {
      const quote = `${year}年，没有发生因政府信息公开申请提起行政复议、行政诉讼的情况。`;
      blocks.push(quote);
      metrics.push({ id: 'admin_reviews', value: 0, quote }, { id: 'admin_litigations', value: 0, quote });
    }
  });
  if (r.chance(0.4)) {
    const rows = [['指标', '单位', '数量']];
    for (const m of METRICS.filter((x) => x.source.pre2019?.kind === 'row' && !metrics.some((y) => y.id === x.id)).slice(0, r.int(6, 20))) {
      const label = m.source.pre2019!.kind === 'row' ? m.source.pre2019!.labels[0]! : m.label;
      const value = m.kind === 'amount' ? r.int(0, 500) : r.count(40);
      rows.push([label, m.unit, String(value)]);
      metrics.push({ id: m.id, value, quote: `${label} | ${m.unit} | ${value}` });
    }
    blocks.push('## 附表', table(rows));
  }
  return { body: blocks.join('\n\n'), metrics };
}

const table = (rows: string[][]) =>
  [`| ${rows[0]!.join(' | ')} |`, `|${' --- |'.repeat(rows[0]!.length)}`, ...rows.slice(1).map((row) => `| ${row.join(' | ')} |`)].join('\n');

/** A 2019/2021 report: prose plus tables 二, 三 and 四 whose identities hold. */
function tabular(r: Random, year: number, edition: EditionId): { body: string; metrics: Metric[] } {
  const metrics: Metric[] = [];
  const blocks: string[] = [];
  const sections = getEdition(edition).sections;
  blocks.push(`## ${sections[0]}`, paragraph(r, r.int(3, 8)));
  const n = r.count(20000) + 10;
  const proactive = `${year}年，全年共主动公开政府信息${n}条`;
  blocks.push(`${proactive}，${paragraph(r, 1)}`);
  metrics.push({ id: 'proactive_total', value: n, quote: proactive });

  blocks.push(`## ${sections[1]}`);
  const t2 = METRICS.filter((m) => m.source[edition]?.kind === 'cell' && (m.source[edition] as { table: string }).table === '二');
  const byRow = new Map<string, typeof t2>();
  for (const m of t2) {
    const s = m.source[edition] as { row: string };
    byRow.set(s.row, [...(byRow.get(s.row) ?? []), m]);
  }
  const rows2 = [['信息内容', '项目', '数量']];
  for (const [rowLabel, ms] of byRow) {
    for (const m of ms) {
      const value = m.kind === 'amount' ? Math.round(r.next() * 100000) / 100 : m.kind === 'change' ? r.int(-5, 5) : r.count(200);
      const col = (m.source[edition] as { column: string }).column;
      rows2.push([rowLabel, col, String(value)]);
      metrics.push({ id: m.id, value, quote: `${rowLabel} | ${col} | ${value}` });
    }
  }
  blocks.push(table(rows2));

  blocks.push(`## ${sections[2]}`, paragraph(r, 2));
  const rows3 = TABLE_3_ROWS.filter((x) => x.editions.includes(edition));
  const header = ['项目', ...APPLICANT_COLUMNS.map((c) => c.label), '总计'];
  const cells = new Map<string, number[]>();
  const results = rows3.filter((x) => x.id.startsWith('result_') && x.id !== 'result_total');
  for (const row of rows3) cells.set(row.id, APPLICANT_COLUMNS.map(() => (r.chance(0.3) ? r.count(20) : 0)));
  // Identities: result_total = sum of results; carried forward = new + carried over − total (never negative).
  const col = (id: string, i: number) => cells.get(id)![i]!;
  cells.set('result_total', APPLICANT_COLUMNS.map((_, i) => results.reduce((a, x) => a + col(x.id, i), 0)));
  cells.set('requests_new', APPLICANT_COLUMNS.map((_, i) => Math.max(0, col('result_total', i) + col('requests_carried_forward', i) - col('requests_carried_over', i))));
  cells.set('requests_carried_over', APPLICANT_COLUMNS.map((_, i) => col('result_total', i) + col('requests_carried_forward', i) - col('requests_new', i)));
  const rows = [header];
  for (const row of rows3) {
    const values = cells.get(row.id)!;
    const total = values.reduce((a, b) => a + b, 0);
    const line = [row.source, ...values.map(String), String(total)];
    rows.push(line);
    const quote = line.join(' | ');
    APPLICANT_COLUMNS.forEach((c, i) => metrics.push({ id: `${row.id}.${c.id}`, value: values[i]!, quote }));
    metrics.push({ id: row.id, value: total, quote });
  }
  blocks.push(table(rows));

  blocks.push(`## ${sections[3]}`);
  const four = ['review', 'litigation_direct', 'litigation_after_review'].flatMap((s) => {
    const parts = [0, 0, 0, 0].map(() => (r.chance(0.2) ? r.int(1, 5) : 0));
    return [...parts, parts.reduce((a, b) => a + b, 0)].map((v, i) => ({ id: `${s}_${['upheld', 'corrected', 'other', 'pending', 'total'][i]}`, v }));
  });
  const line4 = four.map((x) => String(x.v));
  blocks.push(table([['行政复议', ...Array(14).fill('行政诉讼')], line4]));
  const quote4 = line4.join(' | ');
  for (const x of four) metrics.push({ id: x.id, value: x.v, quote: quote4 });

  for (const s of sections.slice(4)) blocks.push(`## ${s}`, paragraph(r, r.int(2, 5)));
  return { body: blocks.join('\n\n'), metrics };
}

export interface Generated {
  agencies: number;
  reports: number;
}

/** Write a synthetic content folder of `count` reports into `dir` (agencies/ and reports/). */
export async function generateArchive(dir: string, count: number, seed: number): Promise<Generated> {
  const r = seeded(seed);
  // Real division codes (the archive refuses a made-up one): prefectures for city-level agencies, counties for the rest.
  const { cities, counties } = divisionData();
  const mainland = (d: { c: string }) => Number(d.c.slice(0, 2)) < 70;
  const cityCodes = cities.filter(mainland);
  const countyCodes = counties.filter(mainland);
  const names = new Set<string>();
  const years = Array.from({ length: 18 }, (_, i) => 2008 + i);
  const agencyCount = Math.ceil(count / years.length);
  await mkdir(join(dir, 'agencies'), { recursive: true });
  let reports = 0;
  for (let a = 0; a < agencyCount; a++) {
    const cityLevel = a % 10 === 0;
    const code = (cityLevel ? cityCodes[(a / 10) % cityCodes.length]! : countyCodes[a % countyCodes.length]!).c;
    const province = PROVINCES[code.slice(0, 2)]!;
    const kind = KINDS[a % KINDS.length]!;
    // Two agencies may not share a name (the archive refuses it): another pair of places until the name is new.
    let city = `${r.pick(PLACES)}${r.pick(PLACES)}市`;
    let county = `${r.pick(PLACES)}${r.pick(PLACES)}县`;
    for (let k = 0; names.has(`${province}${city}${cityLevel ? '' : county}${kind}`); k++) {
      city = `${PLACES[k % PLACES.length]}${PLACES[Math.floor(k / PLACES.length) % PLACES.length]}${k >= PLACES.length ** 2 ? String(k) : ''}市`;
      county = `${r.pick(PLACES)}${r.pick(PLACES)}县`;
    }
    names.add(`${province}${city}${cityLevel ? '' : county}${kind}`);
    const shortName = `${cityLevel ? city : county}${kind}`;
    const id = `${code}-bench${a}`;
    await writeFile(
      join(dir, 'agencies', `${id}.yaml`),
      `name: ${province}${city}${cityLevel ? '' : county}${kind}\nshortName: ${shortName}\naliases: []\nprovince: ${province}\ncity: ${city}\n${cityLevel ? '' : `county: ${county}\n`}divisionCode: "${code}"\nlevel: ${cityLevel ? '市级' : '县级'}\nkind: ${kind}\n`,
    );
    await mkdir(join(dir, 'reports', id), { recursive: true });
    for (const year of years) {
      if (reports >= count) break;
      const edition = editionForYear(year)!;
      const { body, metrics } = edition === 'pre2019' ? pre2019(r, year, edition) : tabular(r, year, edition);
      const fm = [
        '---', `agency: ${id}`, `year: ${year}`, `title: ${shortName}${year}年度政府信息公开工作年度报告`, `edition: '${edition}'`,
        'source:', `  file: bench-${a}-${year}.txt`,
        // A bare `metrics:` is YAML null; a report with no extracted numbers is `{}`.
        metrics.length ? 'metrics:' : 'metrics: {}',
        ...metrics.map((m) => `  ${m.id}:\n    value: ${m.value}\n${m.approx ? '    approx: true\n' : ''}    quote: "${m.quote}"`),
        '---', '',
      ].join('\n');
      await writeFile(join(dir, 'reports', id, `${year}.md`), `${fm}\n${body}\n`);
      reports++;
    }
  }
  return { agencies: agencyCount, reports };
}
