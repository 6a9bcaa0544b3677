/** Saved pages from any portal: a bare fragment is its own article; Word's spans never split a number; notices are refused. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { htmlToMarkdown, NoArticleError } from '../../src/lib/importer/inputs/html/html-to-markdown.ts';
import { ImportError, importReport } from '../../src/lib/importer/import-report.ts';

const fragment = readFileSync(new URL('../fixtures/import/bare-fragment-2019.html', import.meta.url));

describe('saved pages', () => {
  it('takes a bare fragment whole, its title from its first lines, numbers split across spans joined', () => {
    const report = importReport('fragment.html', fragment, { agencies: [] });
    expect(report.title).toBe('南京市玄武区教育局2019年政府信息公开工作年度报告');
    expect(report.body.startsWith('本报告根据')).toBe(true);
    const value = (id: string) => report.metrics.find((m) => m.metric === id)?.value;
    expect(value('proactive_total')).toBe(123);
    expect(value('requests_new.natural_person')).toBe(10);
    expect(report.newAgency).toMatchObject({ name: '南京市玄武区教育局', place: { divisionCode: '320102' } });
    for (const m of report.metrics) expect(report.body).toContain(m.quote);
  });

  it('still refuses a page with navigation and no known article container', () => {
    const page = `<html><body><nav>首页 | 信息公开</nav><div>${'某某县教育局2019年政府信息公开工作年度报告。'.repeat(10)}</div></body></html>`;
    expect(() => htmlToMarkdown(page)).toThrow(NoArticleError);
  });

  it('refuses a notice or letter that is not an annual report, saying what it is', () => {
    const notice = '关于报送2019年政府信息公开工作年度报告的通知\n\n各乡镇、各部门：请于1月31日前报送2019年政府信息公开工作年度报告，逾期不报的予以通报。联系电话略。';
    expect(() => importReport('notice.txt', new TextEncoder().encode(notice), { agencies: [] })).toThrow(ImportError);
    expect(() => importReport('notice.txt', new TextEncoder().encode(notice), { agencies: [] })).toThrow('是一份通知，不是政府信息公开工作年度报告');
  });
});
