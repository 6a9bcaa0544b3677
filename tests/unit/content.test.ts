import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { validateContent } from '../../src/lib/validate/validate-content.ts';
import { formatProblem } from '../../src/lib/validate/problem.ts';
import { contentFiles, contentReports, ROOT, type ContentReport } from '../helpers/content.ts';

let reports: ContentReport[];
const byId = (id: string) => reports.find((r) => r.id === id)!;
const metric = (id: string, key: string) => byId(id).data.metrics[key];

beforeAll(async () => {
  reports = await contentReports();
});

describe('archive content', () => {
  it('validates without a single problem', async () => {
    const problems = validateContent(await contentFiles());
    expect(problems.map(formatProblem)).toEqual([]);
  });

  it('holds the five seed reports and the thirteen corpus reports', () => {
    const ids = reports.map((r) => r.id);
    expect(ids).toEqual(expect.arrayContaining([
      '110109-jiaowei/2014', '140700-jiaoyuju/2014', '350421-jiaoyuju/2014', '370303-jiaoyuju/2014', '370725-jiaoyuju/2017',
    ]));
    const corpus = reports.filter((r) => r.data.source.file?.endsWith('/page.html')).map((r) => r.id).sort();
    expect(corpus).toEqual([
      '350128-guanweihui/2011', '350128-guanweihui/2012', '350128-guanweihui/2013', '350128-guanweihui/2014',
      '350128-guanweihui/2015', '350128-guanweihui/2017', '350128-guanweihui/2019', '350128-guanweihui/2021',
      '350128-guanweihui/2022', '350128-guanweihui/2024',
      '350128-renminzhengfu/2011', '350128-renminzhengfu/2012', '350128-renminzhengfu/2013',
    ]);
  });

  it('quotes every value verbatim from the report body', () => {
    for (const r of reports) {
      const quotes = [...Object.values(r.data.metrics), ...r.data.categories].map((v) => v.quote);
      for (const quote of quotes) {
        expect(quote, `${r.id}: every value has a quote`).toBeDefined();
        expect(r.body, r.id).toContain(quote);
      }
    }
  });
});

/**
 * Whitespace and Markdown markup are layout; everything else of the source must
 * be in the body, in order, except the title (moved to front-matter) and the
 * artefacts listed in `source.removed` — and nothing may be added.
 */
function normalise(text: string): string {
  return text.replace(/\s+/g, '');
}

function bodyText(markdown: string): string {
  return markdown
    .split('\n')
    .filter((line) => !/^\|(\s*-+\s*\|)+\s*$/.test(line))
    .map((line) => line.replace(/^#{1,6} /, '').replace(/^\| | \|$/g, '').replaceAll(' | ', ''))
    .join('\n');
}

describe('seed reports are faithful to their sources', () => {
  it.each([
    ['370303-jiaoyuju/2014'], ['370725-jiaoyuju/2017'], ['350421-jiaoyuju/2014'], ['140700-jiaoyuju/2014'], ['110109-jiaowei/2014'],
  ])('%s keeps every sentence of its source in order', (id) => {
    const report = byId(id);
    let source = normalise(readFileSync(`${ROOT}tests/fixtures/sources/seeds/${report.data.source.file}`, 'utf8'));
    for (const cut of [report.data.title, ...report.data.source.removed]) {
      const at = source.indexOf(normalise(cut));
      expect(at, `${id}: "${cut}" is in the source`).toBeGreaterThanOrEqual(0);
      source = source.slice(0, at) + source.slice(at + normalise(cut).length);
    }
    expect(normalise(bodyText(report.body))).toBe(source);
  });

  it('turns section numbers into headings and the appendix of 004 into tables', () => {
    expect(byId('370303-jiaoyuju/2014').body).toContain('\n## 一、概述\n');
    expect(byId('370303-jiaoyuju/2014').body).toContain('\n### （一）强化组织领导，为政府信息公开工作提供保障\n');
    expect(byId('110109-jiaowei/2014').body).toContain('| 主动公开信息数 | 条 | 380 |');
    expect(byId('110109-jiaowei/2014').body).not.toContain('[bookmark');
    expect(byId('140700-jiaoyuju/2014').body).not.toMatch(/打印正文|用户登录|您的位置/);
  });
});

describe('spot values of the seed reports', () => {
  it('门头沟区教委 2014: 主动公开 380, 全文电子化 380, 专职人员 3 (全职 1, 兼职 2)', () => {
    expect(metric('110109-jiaowei/2014', 'proactive_total')).toMatchObject({ value: 380, approx: false });
    expect(metric('110109-jiaowei/2014', 'proactive_fulltext_electronic')!.value).toBe(380);
    expect(metric('110109-jiaowei/2014', 'staff_total')!.value).toBe(3);
    expect(metric('110109-jiaowei/2014', 'staff_full_time')!.value).toBe(1);
    expect(metric('110109-jiaowei/2014', 'staff_part_time')!.value).toBe(2);
  });

  it('晋中市教育局 2014: 主动公开 1106 in five categories, 行政复议 11, 行政诉讼 0, garbled date not parsed', () => {
    const r = byId('140700-jiaoyuju/2014');
    expect(r.data.metrics.proactive_total!.value).toBe(1106);
    expect(r.data.categories.map((c) => [c.label, c.value])).toEqual([
      ['机构职能', 21], ['政策法规', 97], ['工作动态', 942], ['行政决策', 19], ['行政职权', 27],
    ]);
    expect(r.data.metrics.admin_reviews!.value).toBe(11);
    expect(r.data.metrics.admin_litigations!.value).toBe(0);
    expect(r.body).toContain('2015227');
    expect(r.data.signed).toBeUndefined();
    expect(r.data.published).toBe('2017-12-06');
  });

  it('昌乐县教育局 2017: 主动公开 2384', () => {
    expect(metric('370725-jiaoyuju/2017', 'proactive_total')).toMatchObject({ value: 2384, approx: false });
    expect(byId('370725-jiaoyuju/2017').data.signed).toBe('2018-03-12');
  });

  it('张店区教育局 2014: 主动公开 600, approximate', () => {
    expect(metric('370303-jiaoyuju/2014', 'proactive_total')).toMatchObject({ value: 600, approx: true });
  });

  it('明溪县教育局 2014: 主动公开 not reported (absent, not 0)', () => {
    expect(metric('350421-jiaoyuju/2014', 'proactive_total')).toBeUndefined();
    expect(metric('350421-jiaoyuju/2014', 'applications_total')!.value).toBe(0);
  });
});
