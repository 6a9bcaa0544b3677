import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decode, DecodeError } from '../../src/lib/importer/inputs/decode.ts';
import { stubAgencyId } from '../../src/lib/importer/publisher/report-year.ts';
import { decideYear, yearEvidence } from '../../src/lib/importer/publisher/year-evidence.ts';
const detectYear = (title: string, text: string) => decideYear(yearEvidence(title, text)).year;
import { agencyNameInTitle } from '../../src/lib/importer/publisher/agency-name.ts';
import { resolveAgency } from '../../src/lib/importer/publisher/known-agencies.ts';
import { blocksOf } from '../../src/lib/importer/extract/blocks.ts';
import { extractMetrics } from '../../src/lib/importer/extract/index.ts';
import { readProse } from '../../src/lib/importer/extract/prose.ts';
import { readAppendix } from '../../src/lib/importer/extract/tables.ts';
import { statRows } from '../../src/lib/importer/template/rows.ts';
import { readTable3 } from '../../src/lib/importer/template/table3.ts';
import { readTable4 } from '../../src/lib/importer/template/table4.ts';
import { htmlToMarkdown, NoArticleError } from '../../src/lib/importer/inputs/html/html-to-markdown.ts';
import { ImportError, importReport, reportFileText, reportJson } from '../../src/lib/importer/import-report.ts';
import { chineseNumeral, readNumber, toHalfWidth } from '../../src/lib/importer/template/numbers.ts';
import { textToMarkdown } from '../../src/lib/importer/inputs/text/text-to-markdown.ts';
import { reportSchema } from '../../src/lib/schema/report.ts';
import { parseYaml, splitFrontMatter } from '../../src/lib/validate/front-matter.ts';

const fixture = (path: string) => readFileSync(new URL(`../fixtures/${path}`, import.meta.url));
const SEED_004 = 'sources/seeds/004_7d7d75c68847a608.txt';
const CORPUS_2022 = 'sources/corpus/80629_平潭综合实验区2022年度政府信息公开工作年度报告/page.html';
const AGENCIES = [
  { id: '110109-jiaowei', name: '北京市门头沟区教育委员会', shortName: '门头沟区教委', aliases: ['门头沟区教育委员会'] },
  { id: '350128-guanweihui', name: '平潭综合实验区管理委员会', shortName: '平潭综合实验区', aliases: ['平潭综合实验区管委会'] },
];

describe('decode', () => {
  it('reads UTF-8, UTF-8 with BOM and GB18030, and says which', () => {
    const utf8 = decode(fixture(SEED_004));
    expect(utf8.encoding).toBe('utf-8');
    expect(decode(fixture('import/mentougou-2014-bom.txt'))).toEqual({ text: utf8.text, encoding: 'utf-8-bom' });
    expect(decode(fixture('import/mentougou-2014-gb18030.txt'))).toEqual({ text: utf8.text, encoding: 'gb18030' });
  });

  it('refuses empty and binary input with a reason', () => {
    expect(() => decode(new Uint8Array())).toThrow(new DecodeError('文件为空'));
    expect(() => decode(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 1, 2, 3]))).toThrow(DecodeError);
  });
});

describe('numbers', () => {
  it('reads Arabic, full-width and Chinese numerals, 万 and approximation words', () => {
    expect(readNumber('2,384')).toEqual({ value: 2384, approx: false });
    expect(readNumber(toHalfWidth('１２．５'))).toEqual({ value: 12.5, approx: false });
    expect(readNumber('600余')).toEqual({ value: 600, approx: true });
    expect(readNumber('约40.5万')).toEqual({ value: 405000, approx: true });
    expect(readNumber('30余万')).toEqual({ value: 300000, approx: true });
    expect(readNumber('10多')).toEqual({ value: 10, approx: true });
    expect(readNumber('十一')).toEqual({ value: 11, approx: false });
    expect(readNumber('200左右')).toEqual({ value: 200, approx: true });
    expect(readNumber('2015227年')).toBeUndefined();
    expect(chineseNumeral('一百二十')).toBe(120);
    expect(chineseNumeral('两')).toBe(2);
  });
});

describe('text to Markdown', () => {
  it('takes the title out, removes artefacts, makes headings and GFM tables from tab-separated cells', () => {
    const { title, markdown, removed } = textToMarkdown(fixture(SEED_004).toString('utf8'));
    expect(title).toBe('门头沟区教委2014年政府信息公开工作年度报告');
    expect(removed).toEqual(['[bookmark: _GoBack]', '[bookmark: OLE_LINK12]', '[bookmark: OLE_LINK13]']);
    expect(markdown).not.toContain('bookmark');
    expect(markdown).toContain('\n## 一、切实加强组织管理，建立长效机制。\n');
    expect(markdown).toContain('\n### （一）加强领导,责任到人\n');
    expect(markdown).toContain('| 主动公开信息数 | 条 | 380 |');
    expect(markdown).toContain('| 其中：1.全职人员数 | 人 | 1 |');
  });

  it('rejoins lines the scraper wrapped mid-sentence, and keeps page chrome out', () => {
    const { markdown, removed } = textToMarkdown('某局2015年政府信息公开工作年度报告\n您的位置: 首页 > 公开\n2015年，我局主动公开政府信息共计\n120条，其中政策法规20条。\n【打印正文】 【字体: \n');
    expect(markdown).toBe('2015年，我局主动公开政府信息共计120条，其中政策法规20条。\n');
    expect(removed).toEqual(['您的位置: 首页 > 公开', '【打印正文】 【字体:']);
  });
});

describe('HTML to Markdown', () => {
  it('finds the article, reads title, date and URL from the page, and flattens spanned table cells into self-contained rows', () => {
    const page = htmlToMarkdown(fixture(CORPUS_2022).toString('utf8'));
    expect(page.title).toBe('平潭综合实验区2022年度政府信息公开工作年度报告');
    expect(page.published).toBe('2023-02-20');
    expect(page.url).toBe('https://www.pingtan.gov.cn/zwgk/zfxxgk/zfxxgknb/202302/t20230220_80629.htm');
    expect(page.markdown).toContain('\n## 二、主动公开政府信息情况\n');
    expect(page.markdown).toContain('| 行政规范性文件 | 88 | 55 | 698 |');
    expect(page.markdown).toContain('| 三、本年度办理结果 | （三）不予公开 | 5.属于三类内部事务信息 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |');
    expect(page.markdown).not.toMatch(/<script|微信 微博|article_qrcode/);
  });

  it('refuses a page without an article', () => {
    expect(() => htmlToMarkdown('<html><body><nav>首页</nav><p>短</p></body></html>')).toThrow(NoArticleError);
  });
});

describe('detection', () => {
  it('reads year and agency from the title and resolves names and aliases', () => {
    expect(detectYear('平潭综合实验区2022年度政府信息公开工作年度报告', '')).toBe(2022);
    expect(detectYear('政府信息公开工作年度报告', '本报告所列数据统计期限自2014年1月1日起')).toBe(2014);
    expect(agencyNameInTitle('平潭综合实验区管委会2014年度政府信息公开工作年度报告')).toBe('平潭综合实验区管委会');
    expect(resolveAgency(agencyNameInTitle('平潭综合实验区管委会2014年度政府信息公开工作年度报告'), AGENCIES)?.id).toBe('350128-guanweihui');
    expect(resolveAgency(agencyNameInTitle('门头沟区教委2014年政府信息公开工作年度报告'), AGENCIES)?.id).toBe('110109-jiaowei');
    expect(resolveAgency(agencyNameInTitle('某某县教育局2014年政府信息公开工作年度报告'), AGENCIES)).toBeUndefined();
    expect(stubAgencyId('某某县教育局')).toMatch(/^000000-stub-[a-z0-9]+$/);
  });
});

const table = (markdown: string) => blocksOf(markdown).tables[0]!;

describe('tables', () => {
  it('reads table 三 rows by their label and the applicant columns by position', () => {
    const { found } = readTable3(statRows('| 三、本年度办理结果 | （四）无法提供 | 1.本机关不掌握相关政府信息 | 37 | 0 | 0 | 0 | 0 | 0 | 37 |\n'), '2021');
    expect(found.map((f) => [f.metric, f.value])).toEqual([
      ['result_unable_not_held.natural_person', 37], ['result_unable_not_held.business', 0], ['result_unable_not_held.research', 0],
      ['result_unable_not_held.public_interest', 0], ['result_unable_not_held.legal_service', 0], ['result_unable_not_held.other_org', 0],
      ['result_unable_not_held', 37],
    ]);
    expect(found[0]!.quote).toBe('三、本年度办理结果 | （四）无法提供 | 1.本机关不掌握相关政府信息 | 37 | 0 | 0 | 0 | 0 | 0 | 37');
  });

  it('reads table 四 as the one row of 15 numbers', () => {
    const md = '| 行政复议 | 行政诉讼 |\n| - | - |\n| 结果维持 | 尚未审结 |\n| 0 | 1 | 1 | 0 | 2 | 1 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 0 | 0 |\n';
    const { found } = readTable4(statRows(md), '2021');
    expect(found).toHaveLength(15);
    expect(found.find((f) => f.metric === 'review_total')!.value).toBe(2);
    expect(found.find((f) => f.metric === 'litigation_direct_upheld')!.value).toBe(1);
  });

  it('reads an appendix column by the report year, and refuses a wrong unit', () => {
    const md = '| 指标名称 | 计量单位 | 2011 年度 | 历年累计 |\n| - | - | - | - |\n| 主动公开信息数 | 条 | 425 | 1516 |\n| 政府信息公开指定专职人员总数 | 元 | 3 | 3 |\n';
    const { found, warnings } = readAppendix(table(md), 2011);
    expect(found.map((f) => [f.metric, f.value])).toEqual([['proactive_total', 425]]);
    expect(warnings).toEqual(['附表“政府信息公开指定专职人员总数 | 元 | 3 | 3”的单位“元”与指标 staff_total（人）不符，未采用']);
    expect(readAppendix(table(md), 2012).warnings[0]).toContain('无法确定哪一列是本年度');
  });
});

describe('prose', () => {
  const read = (text: string) => readProse([{ text }], 'pre2019').metrics.map((m) => [m.metric, m.value, m.approx]);

  it('reads totals, none-statements, counts and approximations', () => {
    expect(read('2014年,市教育局主动公开政府信息1106条,其中机构职能21条。')).toEqual([['proactive_total', 1106, false]]);
    expect(read('2014年，区教育局未收到此类申请。')).toEqual([['applications_total', 0, false]]);
    expect(read('2014年，区教育局公开信息未收费。')).toEqual([['fees_collected', 0, false]]);
    expect(read('2014年度,我局接受行政复议11起,没有行政诉讼情况。')).toEqual([['admin_reviews', 11, false], ['admin_litigations', 0, false]]);
    expect(read('网站专栏页面访问量约40.5万人次。')).toEqual([['column_page_views', 405000, true]]);
    expect(read('落实了1名兼职工作人员。')).toEqual([['staff_part_time', 1, false]]);
  });

  it('does not read other applications, or a review that is only mentioned, as disclosure figures', () => {
    expect(read('区县已入驻审批服务部门和单位13个，开设窗口24个，共受理申请136437件。')).toEqual([]);
    expect(read('我局没有出现因政府信息公开申请提起行政复议的情况。')).toEqual([['admin_reviews', 0, false]]);
  });

  it('reads the agency’s own categories after a total', () => {
    const { categories } = readProse([{ text: '2014年,市教育局主动公开政府信息1106条,其中机构职能21条,占1.9%;' }], 'pre2019');
    expect(categories).toEqual([{ label: '机构职能', value: 21, approx: false, quote: '其中机构职能21条' }]);
  });
});

describe('merging findings', () => {
  it('keeps a total over its parts, drops a lone part, and keeps neither of two conflicting values', () => {
    const parts = extractMetrics('2015年主动公开政府信息2949条。其中，区直各部门主动公开政府信息2275条。\n', 'pre2019', 2015);
    expect(parts.metrics.map((m) => [m.metric, m.value])).toEqual([['proactive_total', 2949]]);
    expect(extractMetrics('其中，区直各部门主动公开政府信息2275条。\n', 'pre2019', 2015).metrics).toEqual([]);

    const conflict = extractMetrics('本年主动公开政府信息100条。\n\n本年主动公开政府信息120条。\n', 'pre2019', 2015);
    expect(conflict.metrics).toEqual([]);
    expect(conflict.warnings).toEqual(['指标 proactive_total 有相互矛盾的数值，均未采用：100：“本年主动公开政府信息100条。”；120：“本年主动公开政府信息120条。”']);
  });

  it('keeps neither value when the appendix and the text disagree', () => {
    const md = '2013年，区直各部门对政府信息进行了梳理，主动公开政府信息4970条。\n\n| 指标名称 | 计量单位 | 2013年度 | 历年累计 |\n| - | - | - | - |\n| 主动公开信息数 | 条 | 72804 | 76424 |\n';
    const found = extractMetrics(md, 'pre2019', 2013);
    expect(found.metrics).toEqual([]);
    expect(found.warnings[0]).toContain('72804：“主动公开信息数 | 条 | 72804 | 76424”');
    expect(found.warnings[0]).toContain('4970：');
  });

  it('never produces a metric outside the report’s edition', () => {
    const found = extractMetrics('2022年，全区收到政府信息公开申请75件。\n', '2021', 2022);
    expect(found.metrics).toEqual([]);
  });
});

describe('importReport', () => {
  it('imports the GB18030 and UTF-8 versions of a report identically, with the detected encoding', () => {
    const utf8 = importReport('004.txt', fixture(SEED_004), { agencies: AGENCIES });
    const gb = importReport('mentougou-2014-gb18030.txt', fixture('import/mentougou-2014-gb18030.txt'), { agencies: AGENCIES });
    expect(gb.encoding).toBe('gb18030');
    expect(gb.metrics).toEqual(utf8.metrics);
    expect(utf8).toMatchObject({ agency: '110109-jiaowei', year: 2014, edition: 'pre2019' });
    expect(utf8.metrics.find((m) => m.metric === 'staff_total')).toMatchObject({ value: 3, quote: '政府信息公开指定专职人员总数 | 人 | 3' });
  });

  it('writes a report file that the archive schema accepts, every quote in its body', () => {
    const report = importReport('corpus/80629/page.html', fixture(CORPUS_2022), { agencies: AGENCIES });
    const text = reportFileText(report);
    const { frontMatter, body } = splitFrontMatter(text);
    const data = reportSchema.parse(parseYaml(frontMatter!).data);
    expect(data).toMatchObject({ agency: '350128-guanweihui', year: 2022, edition: '2021', published: '2023-02-20' });
    expect(data.source.file).toBe('80629/page.html');
    for (const v of Object.values(data.metrics)) expect(body).toContain(v.quote);
    expect(Object.keys(data.metrics)).toHaveLength(202);
  });

  it('prints one JSON object per input with the catalogue labels', () => {
    const json = reportJson(importReport('004.txt', fixture(SEED_004), { agencies: AGENCIES }));
    expect(Object.keys(json)).toEqual(['source', 'agency', 'year', 'edition', 'title', 'encoding', 'metrics', 'confirmed', 'withheld', 'categories', 'warnings']);
    expect(json.metrics[0]).toEqual({ id: 'proactive_total', label: '主动公开信息数', value: 380, approx: false, quote: '主动公开信息数 | 条 | 380', cell: { table: '统计表', row: '主动公开信息数', column: '数量', position: 3 }, confirmedBy: [] });
    expect(json.confirmed).toBe(0);
    expect(json.withheld).toEqual([]);
  });

  it('makes a stub for an unknown agency and says so', () => {
    const text = fixture(SEED_004).toString('utf8').replace('门头沟区教委2014年', '某某县教育局2014年');
    const report = importReport('x.txt', new TextEncoder().encode(text), { agencies: AGENCIES });
    expect(report.newAgency).toEqual({ id: stubAgencyId('某某县教育局'), name: '某某县教育局' });
    expect(report.warnings[0]).toContain('机构“某某县教育局”不在档案中');
  });

  it('explains what is wrong with input it cannot import', () => {
    const bytes = (s: string) => new TextEncoder().encode(s);
    expect(() => importReport('a.pdf', bytes('x'.repeat(100)), { agencies: [] })).toThrow(/不支持的文件类型/);
    expect(() => importReport('a.txt', bytes('很短的文字'), { agencies: [] })).toThrow(new ImportError('正文不足 50 字，不像一份年度报告'));
    expect(() => importReport('a.txt', bytes(`${'正文内容。'.repeat(20)}\n`), { agencies: [] })).toThrow(/找不到标题/);
    expect(() => importReport('a.txt', bytes(`某局政府信息公开工作年度报告\n${'正文内容。'.repeat(20)}\n`), { agencies: [] })).toThrow(/无法从标题.*确定年度/);
  });
});

describe('prose the importer reads (issue 22: 未报告 only when true)', () => {
  const metricsOf = (sentence: string, edition: 'pre2019' | '2021') => readProse([{ text: sentence }], edition).metrics.map((m) => [m.metric, m.value, m.priority]);

  it('reads 主动公开 with who published between the words, and not a part or one kind of information', () => {
    expect(metricsOf('全年主动公开我区各级单位政府信息2645条，主要通过政府网站发布。', '2021')).toEqual([['proactive_total', 2645, 2]]);
    expect(metricsOf('全年主动公开各乡镇政府信息300条。', '2021')).toEqual([]);
    expect(metricsOf('2015年，我区累计在平潭政府采购信息网上主动公开政府采购项目信息188条。', '2021')).toEqual([]);
  });

  it('reads the 信息处理费 sentence of section 六 and 暂不收费 as 0, and an amount as stated', () => {
    expect(metricsOf('本年度未收取信息处理费。', '2021')).toEqual([['info_processing_fees', 0, 1]]);
    expect(metricsOf('信息处理费共计120元。', '2021')).toEqual([['info_processing_fees', 120, 1]]);
    expect(metricsOf('2014年我区各级工作部门依申请提供政府信息暂不收费。', 'pre2019')).toEqual([['fees_collected', 0, 1]]);
  });

  it('reads consultations by channel and staff counts in pre-2019 prose', () => {
    expect(metricsOf('全年共接待政府信息公开咨询4800人次，其中现场咨询1600人次，电话咨询3200人次。', 'pre2019')).toEqual([['consultations_onsite', 1600, 1], ['consultations_phone', 3200, 1]]);
    expect(metricsOf('本机关配备专职人员3人，兼职工作人员12名。', 'pre2019')).toEqual([['staff_total', 3, 1], ['staff_part_time', 12, 1]]);
    expect(metricsOf('现场咨询及办理业务人员3人。', 'pre2019')).toEqual([]);
  });

  it('reads a 2019 表二 sub-table whose 本年增/减 is negative', () => {
    const md = '| 信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量 |\n| --- | --- | --- | --- |\n| 行政处罚 | 2648 | -18 | 538 |\n';
    const got = Object.fromEntries(extractMetrics(md, '2019', 2019).metrics.map((m) => [m.metric, m.value]));
    expect(got).toMatchObject({ penalty_prev_items: 2648, penalty_change: -18, penalty_decisions: 538 });
  });
});
