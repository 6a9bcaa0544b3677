/**
 * A trend chart as a complete SVG document that stands alone: on the page, as a downloaded .svg, in an
 * embed. Our World in Data's Grapher is the model: the title, the unit on the axis, every year labelled,
 * the first and last values printed, and the source and the archive's address inside the picture, so a
 * copy taken anywhere still says where it came from. Drawn at build time; no script.
 *
 * Honest about breaks: years without a value break the line; the 2019 template changed what several
 * comparable metrics count, so a line never crosses from 2018 to 2019, a dashed rule marks the change and
 * a note says so. A lone value is a labelled dot. Approximate values are hollow.
 */
import type { Agency, Report } from './archive.ts';
import { CORE_METRICS, coreValue, type CoreMetric } from './catalogue/core.ts';
import type { ChartPoint } from './chart.ts';
import { reviewState } from './review/status.ts';
import { formatNumber } from './format.ts';

export interface ChartSpec {
  title: string;
  unit: string;
  points: readonly ChartPoint[];
  /** "来源：…" line, inside the picture. */
  source: string;
  /** The archive page the chart belongs to, inside the picture. */
  permalink: string;
  /** A shared maximum for small multiples (say so beside them); by default the chart's own. */
  scaleMax?: number | undefined;
  /** The first year of a new definition: the line breaks before it. Default 2019. */
  breakYear?: number | undefined;
  /** Smaller, for small multiples: no source lines (the page states them once). */
  compact?: boolean;
}

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Round a maximum up to a readable tick: 1, 2, 5 × 10ⁿ. */
export function niceMax(max: number): number {
  if (max <= 0) return 1;
  const step = 10 ** Math.floor(Math.log10(max));
  for (const m of [1, 2, 5, 10]) if (m * step >= max) return m * step;
  return 10 * step;
}

/** The SVG document of a chart. */
export function chartSvg(spec: ChartSpec): string {
  const compact = spec.compact ?? false;
  const W = compact ? 320 : 640;
  const H = compact ? 180 : 340;
  const pad = { left: 56, right: 24, top: compact ? 40 : 60, bottom: compact ? 28 : 70 };
  const sorted = [...spec.points].sort((a, b) => a.year - b.year);
  const stated = sorted.filter((p) => p.value);
  const max = niceMax(spec.scaleMax ?? Math.max(0, ...stated.map((p) => p.value!.value)));
  const years = sorted.map((p) => p.year);
  const [first, last] = [Math.min(...years), Math.max(...years)];
  const inner = { w: W - pad.left - pad.right, h: H - pad.top - pad.bottom };
  const x = (year: number) => pad.left + (last === first ? inner.w / 2 : ((year - first) / (last - first)) * inner.w);
  const y = (value: number) => pad.top + (1 - value / max) * inner.h;
  const breakYear = spec.breakYear ?? 2019;
  const breaks = first < breakYear && last >= breakYear;

  // Runs of consecutive years with values, never across the definition break.
  const lines: string[] = [];
  let run: ChartPoint[] = [];
  const close = () => {
    if (run.length > 1) lines.push(run.map((p) => `${x(p.year).toFixed(1)},${y(p.value!.value).toFixed(1)}`).join(' '));
    run = [];
  };
  for (const p of sorted) {
    if (!p.value || (breaks && p.year === breakYear)) close();
    if (p.value) run.push(p);
  }
  close();

  const yTicks = [0, max / 2, max];
  const everyYear = sorted.length <= (compact ? 6 : 12);
  const xTicks = sorted.filter((_, i) => everyYear || i % 2 === 0 || i === sorted.length - 1);
  const labelled = new Set([stated[0], stated.at(-1)].filter(Boolean));
  const text = (tx: number, ty: number, body: string, attrs = '') => `<text x="${tx.toFixed(1)}" y="${ty.toFixed(1)}"${attrs}>${escape(body)}</text>`;
  const described = sorted.map((p) => `${p.year}年${p.value ? `${p.value.approx ? '约' : ''}${formatNumber(p.value.value)}${spec.unit}` : '无数值'}`).join('，');
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" font-family="'Noto Sans CJK SC','Noto Sans SC','Microsoft YaHei',sans-serif" font-size="${compact ? 11 : 13}" fill="#1d1d1d">`,
    `<title>${escape(`${spec.title}（${spec.unit}）`)}</title>`,
    `<desc>${escape(`${described}。${breaks ? `${breakYear} 年起统计口径改变，折线在此断开。` : ''}`)}</desc>`,
    `<rect width="${W}" height="${H}" fill="#fff"/>`,
    text(pad.left - 44, compact ? 16 : 22, spec.title, ` font-size="${compact ? 12 : 16}" font-weight="bold"`),
    text(pad.left - 44, compact ? 29 : 40, `单位：${spec.unit}`, ' fill="#555"'),
    ...yTicks.map((v) => `<line x1="${pad.left}" x2="${W - pad.right}" y1="${y(v).toFixed(1)}" y2="${y(v).toFixed(1)}" stroke="#ddd"/>${text(pad.left - 6, y(v) + 4, formatNumber(Math.round(v * 100) / 100), ' text-anchor="end" fill="#555"')}`),
    ...xTicks.map((p) => text(x(p.year), H - pad.bottom + (compact ? 16 : 18), String(p.year), ' text-anchor="middle" fill="#555"')),
  ];
  if (breaks) {
    const bx = (x(breakYear - 1) + x(breakYear)) / 2;
    parts.push(`<line x1="${bx.toFixed(1)}" x2="${bx.toFixed(1)}" y1="${pad.top - 4}" y2="${H - pad.bottom}" stroke="#999" stroke-dasharray="4 3"/>`);
    parts.push(text(bx + 4, pad.top + 8, `${breakYear} 年起口径改变`, ` fill="#555" font-size="${compact ? 10 : 12}"`));
  }
  parts.push(...lines.map((l) => `<polyline points="${l}" fill="none" stroke="#1f5a96" stroke-width="2"/>`));
  for (const p of stated) {
    const [cx, cy] = [x(p.year), y(p.value!.value)];
    parts.push(`<circle cx="${cx.toFixed(1)}" cy="${cy.toFixed(1)}" r="${compact ? 3 : 4}" fill="${p.value!.approx ? '#fff' : '#1f5a96'}" stroke="#1f5a96" stroke-width="1.5"/>`);
    if (labelled.has(p)) {
      const anchor = stated.length > 1 && p === stated[0] ? 'start' : stated.length > 1 ? 'end' : 'middle';
      parts.push(text(cx, cy - 8, `${p.value!.approx ? '约' : ''}${formatNumber(p.value!.value)}`, ` text-anchor="${anchor}" font-weight="bold"`));
    }
  }
  if (!compact) {
    parts.push(text(pad.left - 44, H - 26, spec.source, ' fill="#555" font-size="11"'));
    parts.push(text(pad.left - 44, H - 10, `年报档案 ${spec.permalink}${stated.some((p) => p.value!.approx) ? ' · 空心点为近似值' : ''}`, ' fill="#555" font-size="11"'));
  }
  parts.push('</svg>');
  return parts.join('\n');
}

/** The chart of one comparable metric of one agency over its reports. */
export function agencyChartSpec(agency: Agency, reports: readonly Report[], core: CoreMetric, permalink: string): ChartSpec {
  return {
    title: `${agency.shortName}：${core.label}`,
    unit: core.unit,
    points: [...reports].sort((a, b) => a.year - b.year).map((r) => {
      const value = coreValue(r, core).value;
      return { year: r.year, ...(value ? { value } : {}), ...(reviewState(r) === 'machine' ? { machine: true } : {}) };
    }),
    source: `来源：${agency.name}历年政府信息公开工作年度报告（可比口径：${Object.values(core.sources).map((s) => s.metrics.length).some((n) => n > 1) ? '部分年度为多项之和' : '各版式的对应项目'}）`,
    permalink,
  };
}

/** The comparable metrics an agency states in at least one report: the ones worth a chart. */
export function chartedCores(reports: readonly Report[]): CoreMetric[] {
  return CORE_METRICS.filter((core) => reports.some((r) => coreValue(r, core).value));
}
