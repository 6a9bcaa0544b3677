/** Charts people reuse (src/lib/chart-svg.ts): what the picture says, parsed from the SVG it makes. */
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { chartSvg, niceMax } from '../../src/lib/chart-svg.ts';

const v = (value: number, approx = false) => ({ value, approx });
const spec = (points: { year: number; value?: { value: number; approx: boolean } }[], extra = {}) => ({
  title: '某局：本年新收申请数', unit: '件', points, source: '来源：某局历年报告', permalink: 'https://archive.example/agencies/a/', ...extra,
});
const svgOf = (s: ReturnType<typeof spec>) => parse(chartSvg(s)).querySelector('svg')!;
const texts = (svg: ReturnType<typeof svgOf>) => svg.querySelectorAll('text').map((t) => t.text);

describe('chartSvg', () => {
  it('labels every year, the unit, the first and last values, and carries its source and address inside', () => {
    const svg = svgOf(spec([{ year: 2015, value: v(10) }, { year: 2016, value: v(12) }, { year: 2017, value: v(30) }]));
    expect(texts(svg)).toEqual(expect.arrayContaining(['某局：本年新收申请数', '单位：件', '2015', '2016', '2017', '10', '30', '来源：某局历年报告', '年报档案 https://archive.example/agencies/a/']));
    // The middle value is drawn, not labelled.
    expect(texts(svg)).not.toContain('12');
    expect(svg.querySelectorAll('polyline')).toHaveLength(1);
    expect(svg.querySelector('title')!.text).toBe('某局：本年新收申请数（件）');
    expect(svg.querySelector('desc')!.text).toContain('2016年12件');
  });

  it('never draws a line across the 2019 change of definition, and says so', () => {
    const svg = svgOf(spec([{ year: 2017, value: v(5) }, { year: 2018, value: v(6) }, { year: 2019, value: v(40) }, { year: 2020, value: v(44) }]));
    expect(svg.querySelectorAll('polyline')).toHaveLength(2);
    expect(texts(svg)).toContain('2019 年起口径改变');
    expect(svg.querySelector('desc')!.text).toContain('2019 年起统计口径改变');
  });

  it('breaks the line at a year without a value, draws a lone value as a labelled dot, approximations hollow', () => {
    const gap = svgOf(spec([{ year: 2020, value: v(5) }, { year: 2021 }, { year: 2022, value: v(600, true) }]));
    expect(gap.querySelectorAll('polyline')).toHaveLength(0);
    expect(gap.querySelectorAll('circle').map((c) => c.getAttribute('fill'))).toEqual(['#1f5a96', '#fff']);
    expect(texts(gap)).toContain('约600');
    expect(gap.querySelector('desc')!.text).toContain('2021年无数值');
    const lone = svgOf(spec([{ year: 2022, value: v(7) }]));
    expect(lone.querySelectorAll('circle')).toHaveLength(1);
    expect(texts(lone)).toContain('7');
  });

  it('uses a stated shared scale for small multiples, rounded to a readable maximum, and escapes text', () => {
    expect([niceMax(0), niceMax(1), niceMax(7), niceMax(18), niceMax(218), niceMax(14571)]).toEqual([1, 1, 10, 20, 500, 20000]);
    const svg = svgOf(spec([{ year: 2022, value: v(7) }], { scaleMax: 218, title: '<b>局</b>' }));
    expect(texts(svg)).toContain('500');
    expect(chartSvg(spec([{ year: 2022, value: v(7) }], { title: '<b>局</b>' }))).not.toContain('<b>');
  });
});
