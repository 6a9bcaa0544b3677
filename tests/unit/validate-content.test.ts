import { describe, expect, it } from 'vitest';
import { validateContent, type ContentFile } from '../../src/lib/validate/validate-content.ts';
import { formatProblem } from '../../src/lib/validate/problem.ts';

const AGENCY = `name: 淄博市张店区教育局
shortName: 张店区教育局
province: 山东省
city: 淄博市
county: 张店区
divisionCode: "370303"
level: 县级
kind: 教育局
`;

const agency = (text = AGENCY, id = '370303-jiaoyuju'): ContentFile => ({ path: `content/agencies/${id}.yaml`, text });

/** A valid report; `frontMatter` lines replace the defaults by key. */
function report(overrides: Record<string, string> = {}, body = '本年度共主动公开信息600余条。\n', path = 'content/reports/370303-jiaoyuju/2014.md'): ContentFile {
  const fields: Record<string, string> = {
    agency: 'agency: 370303-jiaoyuju',
    year: 'year: 2014',
    title: 'title: 张店区教育局2014年政府信息公开工作年度报告',
    edition: 'edition: pre2019',
    source: 'source:\n  file: 000.txt',
    metrics: 'metrics:\n  proactive_total:\n    value: 600\n    approx: true\n    quote: 本年度共主动公开信息600余条',
    ...overrides,
  };
  const yaml = Object.values(fields).filter(Boolean).join('\n');
  return { path, text: `---\n${yaml}\n---\n\n${body}` };
}

function problemsOf(...files: ContentFile[]) {
  return validateContent(files);
}

describe('validateContent', () => {
  it('accepts a valid agency and report', () => {
    expect(problemsOf(agency(), report())).toEqual([]);
  });

  it('rejects a value of the wrong type, naming file, field and line', () => {
    const problems = problemsOf(agency(), report({ metrics: 'metrics:\n  proactive_total:\n    value: "600条"' }));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'content/reports/370303-jiaoyuju/2014.md', field: 'metrics.proactive_total.value', line: 10 });
    expect(problems[0]!.message).toContain('value 必须是数字');
  });

  it('rejects negative counts but accepts negative 本年增/减 in a 2019-edition report', () => {
    const negative = problemsOf(agency(), report({ metrics: 'metrics:\n  applications_total: -2' }));
    expect(negative).toHaveLength(1);
    expect(negative[0]).toMatchObject({ field: 'metrics.applications_total' });
    expect(negative[0]!.message).toContain('非负整数');

    const change = problemsOf(
      agency(),
      // edition written as a bare number, as editors will
      report({ year: 'year: 2019', title: 'title: 张店区教育局2019年政府信息公开工作年度报告', edition: 'edition: 2019', metrics: 'metrics:\n  licensing_change: -3' }, '正文', 'content/reports/370303-jiaoyuju/2019.md'),
    );
    expect(change).toEqual([]);
  });

  it('rejects fractional counts and amounts with more than six decimals, accepts six', () => {
    const problems = problemsOf(agency(), report({ metrics: 'metrics:\n  staff_total: 1.5\n  fees_collected: 0.1234567\n  disclosure_funding: 8.123456' }));
    expect(problems.map((p) => p.field)).toEqual(['metrics.staff_total', 'metrics.fees_collected']);
    expect(problems[1]!.message).toContain('最多六位小数');
  });

  it('rejects unknown metric keys with a did-you-mean, also for a Chinese label typed as key', () => {
    const problems = problemsOf(agency(), report({ metrics: 'metrics:\n  proactiv_total: 3\n  主动公开信息数: 5\n  zzz: 1' }));
    expect(problems.map((p) => p.field)).toEqual(['metrics.proactiv_total', 'metrics.主动公开信息数', 'metrics.zzz']);
    expect(problems[0]!.message).toContain('是否想写 proactive_total');
    expect(problems[1]!.message).toContain('是否想写 proactive_total');
    expect(problems[2]!.message).toContain('可用的指标见');
    expect(problems.map((p) => p.line)).toEqual([9, 10, 11]);
  });

  it('rejects a metric of another edition', () => {
    const problems = problemsOf(agency(), report({ metrics: 'metrics:\n  requests_new: 3' }));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ field: 'metrics.requests_new' });
    expect(problems[0]!.message).toContain('本报告为 pre2019 版式');
  });

  it('rejects bad years and an edition invalid for the year', () => {
    const early = problemsOf(agency(), report({ year: 'year: 2006' }));
    expect(early.map((p) => p.field)).toContain('year');
    expect(early.find((p) => p.field === 'year')!.message).toContain('不能早于 2007');

    const late = problemsOf(agency(), report({ year: `year: ${new Date().getFullYear() + 1}` }));
    expect(late.find((p) => p.field === 'year')!.message).toContain('不能晚于今年');

    const wrongEdition = problemsOf(agency(), report({ edition: 'edition: 2021' }));
    expect(wrongEdition).toHaveLength(1);
    expect(wrongEdition[0]).toMatchObject({ field: 'edition', line: 5 });
    expect(wrongEdition[0]!.message).toContain('应为 pre2019');

    const unknownEdition = problemsOf(agency(), report({ edition: 'edition: 2015' }));
    expect(unknownEdition.find((p) => p.field === 'edition')!.message).toBe('edition 必须是 pre2019 | 2019 | 2021 之一');

    const text = problemsOf(agency(), report({ year: 'year: 二〇一四' }));
    expect(text.find((p) => p.field === 'year')!.message).toContain('四位数字年份');
  });

  it('rejects a report of an unknown agency, naming the file and field', () => {
    const problems = problemsOf(
      agency(),
      report({ agency: 'agency: 370303-jiaoyu' }, '本年度共主动公开信息600余条。', 'content/reports/370303-jiaoyu/2014.md'),
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'content/reports/370303-jiaoyu/2014.md', field: 'agency', line: 2 });
    expect(formatProblem(problems[0]!)).toBe(
      'content/reports/370303-jiaoyu/2014.md:2 agency: 未知机构“370303-jiaoyu”：content/agencies/ 下没有 370303-jiaoyu.yaml',
    );
  });

  it('accepts only http(s) addresses for links', () => {
    const problems = problemsOf(agency(AGENCY + 'website: javascript:alert(1)\n'), report({ source: 'source:\n  url: "data:text/html,<script>alert(1)</script>"' }));
    expect(problems.map((p) => [p.field, p.message])).toEqual([
      ['website', 'website 必须是以 http:// 或 https:// 开头的完整网址'],
      ['source.url', 'source.url 必须是以 http:// 或 https:// 开头的完整网址'],
    ]);
  });

  it('rejects a quote that is not in the body', () => {
    const problems = problemsOf(agency(), report({}, '本年度主动公开信息约六百条。'));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ field: 'metrics.proactive_total.quote', line: 12 });
  });

  it('rejects a cell that does not hold its value, naming the cell', () => {
    const body = '| 指标 | 单位 | 数量 |\n| --- | --- | --- |\n| 主动公开信息数 | 条 | 380 |\n';
    const metrics = (position: number, value = 380) =>
      `metrics:\n  proactive_total:\n    value: ${value}\n    quote: 主动公开信息数 | 条 | 380\n    cell:\n      table: 统计表\n      row: 主动公开信息数\n      column: 数量\n      position: ${position}`;
    expect(problemsOf(agency(), report({ metrics: metrics(3) }, body))).toEqual([]);
    const off = problemsOf(agency(), report({ metrics: metrics(2) }, body));
    expect(off).toHaveLength(1);
    expect(off[0]).toMatchObject({ field: 'metrics.proactive_total.cell.position', severity: 'error', line: 16 });
    expect(off[0]!.message).toContain('cell.position 2 指向的格是“条”，不是 value 380');
    // A corrected value whose cell was left as it was.
    expect(problemsOf(agency(), report({ metrics: metrics(3, 381) }, body))[0]!.message).toContain('不是 value 381');
    expect(problemsOf(agency(), report({ metrics: metrics(4) }, body))[0]!.message).toContain('quote 这一行只有 3 格');
  });

  it('rejects duplicates, path mismatches and files the build would not read', () => {
    const problems = problemsOf(
      agency(),
      report(),
      report({ year: 'year: 2015' }, '本年度共主动公开信息600余条。', 'content/reports/370303-jiaoyuju/2016.md'),
      report({}, '本年度共主动公开信息600余条。', 'content/reports/370303-jiaoyuju/2014-copy/2014.md'),
      { path: 'content/reports/note.md', text: '# 草稿' },
    );
    const messages = problems.map(formatProblem);
    expect(messages).toContainEqual(expect.stringContaining('2016.md:3 year: 文件名为 2016.md，但 year 写的是 2015'));
    expect(messages).toContainEqual(expect.stringContaining('content/reports/note.md 构建不会读取此文件'));
    expect(messages).toContainEqual(expect.stringContaining('content/reports/370303-jiaoyuju/2014-copy/2014.md 构建不会读取此文件'));
  });

  it('reports every problem of every file in one run', () => {
    const problems = problemsOf(
      agency(AGENCY.replace('"370303"', '370303').replace('县级', '市级')),
      agency(AGENCY.replace('山东省', '山西省'), '370303-jiaoyuju-2'),
      report({ title: 'title: ""', metrics: 'metrics:\n  admin_reviews: -1', extra: 'titel: x' }),
    );
    const byFile = (f: string) => problems.filter((p) => p.file.endsWith(f)).map((p) => p.field);
    expect(byFile('370303-jiaoyuju.yaml')).toEqual(['divisionCode']);
    expect(byFile('370303-jiaoyuju-2.yaml')).toEqual(['province']);
    expect(byFile('2014.md').sort()).toEqual(['metrics.admin_reviews', 'title', 'titel'].sort());
  });

  it('checks agencies: id, division code, province and level', () => {
    const problems = problemsOf(
      agency(AGENCY.replace('level: 县级', 'level: 市级'), '370303-jiaoyuju'),
      agency(AGENCY, '370304-jiaoyuju'),
      agency(AGENCY, 'Zhangdian'),
      agency(AGENCY.replace('"370303"', '"990303"').replace('山东省', '火星'), '990303-x'),
    );
    const messages = problems.map(formatProblem);
    expect(messages).toContainEqual(expect.stringContaining('370303-jiaoyuju.yaml:7 level: divisionCode 370303 是县级区划'));
    expect(messages).toContainEqual(expect.stringContaining('370304-jiaoyuju.yaml:1 机构 id“370304-jiaoyuju”须以其 divisionCode 370303 开头'));
    expect(messages).toContainEqual(expect.stringContaining('Zhangdian.yaml:1 机构 id“Zhangdian”须形如'));
    expect(messages).toContainEqual(expect.stringContaining('990303-x.yaml:6 divisionCode: divisionCode 990303 的前两位不是省级行政区划代码'));
  });

  it('reports YAML syntax errors with their line', () => {
    const problems = problemsOf(agency(), { path: 'content/reports/370303-jiaoyuju/2014.md', text: '---\nagency: x\ntitle: [oops\n---\n' });
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toContain('YAML 语法错误');
    expect(problems[0]!.line).toBeGreaterThanOrEqual(3);
  });
});

describe('review status', () => {
  it('lists a machine import as pending, with each withheld value and warning on its own line', () => {
    const imported = report({
      review: 'review:\n  status: machine',
      imported: `imported:\n  digest: ${'a'.repeat(64)}\n  withheld:\n    - metric: result_granted\n      value: 23\n      quote: 本年度共主动公开信息600余条\n      reason: 这一行算不平\n  warnings:\n    - 没有读到表三`,
    });
    const problems = problemsOf(agency(), imported);
    expect(problems.every((p) => p.severity === 'warning' && p.pending)).toBe(true);
    expect(problems.map(formatProblem)).toEqual([
      'content/reports/370303-jiaoyuju/2014.md:13 review: 机器导入，尚未人工核对：1 个已摘录的数值待核对，1 个读到但未采用的数值待决定，1 条导入提示；核对后把 review 改为 { status: reviewed, by: 核对人, at: 日期 }',
      'content/reports/370303-jiaoyuju/2014.md:18 imported.withheld.0: 未采用 result_granted = 23：这一行算不平（“本年度共主动公开信息600余条”）',
      'content/reports/370303-jiaoyuju/2014.md:23 imported.warnings.0: 导入提示：没有读到表三',
    ]);
  });

  it('asks a reviewed report for who and when, and lists nothing pending for it', () => {
    expect(problemsOf(agency(), report({ review: 'review:\n  status: reviewed' })).map((p) => p.message)).toEqual([
      'review.status 为 reviewed 时须写明核对人 review.by',
      'review.status 为 reviewed 时须写明核对日期 review.at（YYYY-MM-DD）',
    ]);
    expect(problemsOf(agency(), report({ review: 'review:\n  status: reviewed\n  by: 张三\n  at: 2026-12-07' }))).toEqual([]);
    expect(problemsOf(agency(), report({ review: 'review:\n  status: done' }))[0]!.message).toContain('review.status 必须是 machine');
  });
});

describe('year against the text', () => {
  it('refuses a report whose title names another year', () => {
    const problems = problemsOf(agency(), report({ title: 'title: 张店区教育局2015年政府信息公开工作年度报告' }));
    expect(problems.map((p) => `${p.field}: ${p.message}`)).toEqual(['year: 标题写的是 2015 年，year 却是 2014：请对照原文改正其一']);
  });

  it('refuses the same long body under two years, naming both files', () => {
    const body = `${'本年度主动公开政府信息，及时回应社会关切。'.repeat(40)}\n本年度共主动公开信息600余条。\n`;
    const a = report({}, body);
    const b = report({ year: 'year: 2015', title: 'title: 张店区教育局2015年政府信息公开工作年度报告' }, body, 'content/reports/370303-jiaoyuju/2015.md');
    const messages = problemsOf(agency(), a, b).map((p) => `${p.file}: ${p.message}`);
    expect(messages).toEqual([
      'content/reports/370303-jiaoyuju/2014.md: 正文与 content/reports/370303-jiaoyuju/2015.md（2015 年度） 完全相同：同一份报告不会出现在两个年度，多半是年度填错或重复导入',
      'content/reports/370303-jiaoyuju/2015.md: 正文与 content/reports/370303-jiaoyuju/2014.md（2014 年度） 完全相同：同一份报告不会出现在两个年度，多半是年度填错或重复导入',
    ]);
    // Short bodies (skeletons from npm run new) are alike by design.
    expect(problemsOf(agency(), report({}, '（在此照录原文。）本年度共主动公开信息600余条。'), report({ year: 'year: 2015', title: 'title: 张店区教育局2015年政府信息公开工作年度报告' }, '（在此照录原文。）本年度共主动公开信息600余条。', 'content/reports/370303-jiaoyuju/2015.md'))).toEqual([]);
  });
});
