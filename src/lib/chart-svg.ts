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
import { escapeXml as escape } from './escape.ts';

export interface ChartSpec {
  title: string;
  unit: string;
  points: readonly ChartPoint[];
  /** Several lines (a comparison): each with its name in a legend; `points` is then ignored. */
  series?: readonly { name: string; points: readonly ChartPoint[] }[] | undefined;
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

/** Okabe–Ito colours: told apart with the common kinds of colour blindness. */
const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9'];


/** The year the 2019 template's definitions start: comparable lines break before it. */
export const DEFINITION_CHANGE_YEAR = 2019;

/** Whether years run across a change of definition (so a chart of them breaks its lines there). */
export function crossesBreak(years: readonly number[], breakYear = DEFINITION_CHANGE_YEAR): boolean {
  return years.length > 0 && Math.min(...years) < breakYear && Math.max(...years) >= breakYear;
}

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
  const series = (spec.series ?? [{ name: '', points: spec.points }]).map((one) => ({ name: one.name, points: [...one.points].sort((a, b) => a.year - b.year) }));
  const multi = series.length > 1;
  if (multi) pad.top += 24;
  const all = series.flatMap((one) => one.points);
  const stated = all.filter((p) => p.value);
  const max = niceMax(spec.scaleMax ?? Math.max(0, ...stated.map((p) => p.value!.value)));
  const years = [...new Set(all.map((p) => p.year))].sort((a, b) => a - b);
  const [first, last] = [years[0]!, years.at(-1)!];
  const inner = { w: W - pad.left - pad.right, h: H - pad.top - pad.bottom };
  const x = (year: number) => pad.left + (last === first ? inner.w / 2 : ((year - first) / (last - first)) * inner.w);
  const y = (value: number) => pad.top + (1 - value / max) * inner.h;
  const breakYear = spec.breakYear ?? DEFINITION_CHANGE_YEAR;
  const breaks = crossesBreak(years, breakYear);

  /** Runs of consecutive years with values, never across the definition break. */
  const linesOf = (points: readonly ChartPoint[]) => {
    const lines: string[] = [];
    let run: ChartPoint[] = [];
    const close = () => {
      if (run.length > 1) lines.push(run.map((p) => `${x(p.year).toFixed(1)},${y(p.value!.value).toFixed(1)}`).join(' '));
      run = [];
    };
    for (const p of points) {
      if (!p.value || (breaks && p.year === breakYear)) close();
      if (p.value) run.push(p);
    }
    close();
    return lines;
  };

  const yTicks = [0, max / 2, max];
  const everyYear = years.length <= (compact ? 6 : 12);
  const xTicks = years.filter((_, i) => everyYear || i % 2 === 0 || i === years.length - 1);
  const text = (tx: number, ty: number, body: string, attrs = '') => `<text x="${tx.toFixed(1)}" y="${ty.toFixed(1)}"${attrs}>${escape(body)}</text>`;
  const words = (points: readonly ChartPoint[]) => points.map((p) => `${p.year}年${p.value ? `${p.value.approx ? '约' : ''}${formatNumber(p.value.value)}${spec.unit}` : '无数值'}`).join('，');
  const described = multi ? series.map((one) => `${one.name}：${words(one.points)}`).join('；') : words(series[0]!.points);
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" font-family="'Noto Sans CJK SC','Noto Sans SC','Microsoft YaHei',sans-serif" font-size="${compact ? 11 : 13}" fill="#1d1d1d">`,
    `<title>${escape(`${spec.title}（${spec.unit}）`)}</title>`,
    `<desc>${escape(`${described}。${breaks ? `${breakYear} 年起统计口径改变，折线在此断开。` : ''}`)}</desc>`,
    `<rect width="${W}" height="${H}" fill="#fff"/>`,
    text(pad.left - 44, compact ? 16 : 22, spec.title, ` font-size="${compact ? 12 : 16}" font-weight="bold"`),
    text(pad.left - 44, compact ? 29 : 40, `单位：${spec.unit}`, ' fill="#555"'),
    ...yTicks.map((v) => `<line x1="${pad.left}" x2="${W - pad.right}" y1="${y(v).toFixed(1)}" y2="${y(v).toFixed(1)}" stroke="#ddd"/>${text(pad.left - 6, y(v) + 4, formatNumber(Math.round(v * 100) / 100), ' text-anchor="end" fill="#555"')}`),
    ...xTicks.map((year) => text(x(year), H - pad.bottom + (compact ? 16 : 18), String(year), ' text-anchor="middle" fill="#555"')),
  ];
  if (multi) {
    // The legend: a swatch and a name per line, in a row under the unit.
    let lx = pad.left - 44;
    series.forEach((one, i) => {
      parts.push(`<rect x="${lx}" y="${(compact ? 37 : 56)}" width="14" height="4" fill="${PALETTE[i % PALETTE.length]}"/>`);
      parts.push(text(lx + 18, compact ? 42 : 62, one.name));
      lx += 26 + one.name.length * (compact ? 11 : 13);
    });
  }
  if (breaks) {
    const bx = (x(breakYear - 1) + x(breakYear)) / 2;
    parts.push(`<line x1="${bx.toFixed(1)}" x2="${bx.toFixed(1)}" y1="${pad.top - 4}" y2="${H - pad.bottom}" stroke="#999" stroke-dasharray="4 3"/>`);
    parts.push(text(bx + 4, pad.top + 8, `${breakYear} 年起口径改变`, ` fill="#555" font-size="${compact ? 10 : 12}"`));
  }
  series.forEach((one, i) => {
    const colour = multi ? PALETTE[i % PALETTE.length]! : '#1f5a96';
    parts.push(...linesOf(one.points).map((l) => `<polyline points="${l}" fill="none" stroke="${colour}" stroke-width="2"/>`));
    const withValues = one.points.filter((p) => p.value);
    // One line: its first and last values; several: each line's last value.
    const labelled = new Set(multi ? [withValues.at(-1)] : [withValues[0], withValues.at(-1)]);
    for (const p of withValues) {
      const [cx, cy] = [x(p.year), y(p.value!.value)];
      parts.push(`<circle cx="${cx.toFixed(1)}" cy="${cy.toFixed(1)}" r="${compact ? 3 : 4}" fill="${p.value!.approx ? '#fff' : colour}" stroke="${colour}" stroke-width="1.5"/>`);
      if (labelled.has(p)) {
        const anchor = !multi && withValues.length > 1 && p === withValues[0] ? 'start' : withValues.length > 1 || multi ? 'end' : 'middle';
        parts.push(text(cx, cy - 8, `${p.value!.approx ? '约' : ''}${formatNumber(p.value!.value)}`, ` text-anchor="${anchor}" font-weight="bold"${multi ? ` fill="${colour}"` : ''}`));
      }
    }
  });
  if (!compact) {
    parts.push(text(pad.left - 44, H - 26, spec.source, ' fill="#555" font-size="11"'));
    const line = `年报档案 ${spec.permalink}${stated.some((p) => p.value!.approx) ? ' · 空心点为近似值' : ''}`;
    // A long address (a comparison's) is squeezed to the picture's width rather than cut off at its edge.
    const room = W - (pad.left - 44) - 8;
    const wide = [...line].reduce((n, c) => n + (c.charCodeAt(0) > 0x2e80 ? 11 : 6.2), 0) > room;
    parts.push(text(pad.left - 44, H - 10, line, ` fill="#555" font-size="11"${wide ? ` textLength="${room}" lengthAdjust="spacingAndGlyphs"` : ''}`));
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
