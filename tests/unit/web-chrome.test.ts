/** A web page printed or copied whole: the title found past the site's menus, the page lines under it and the footer taken off. */
import { describe, expect, it } from 'vitest';
import { siteFooter, titlePastChrome } from '../../src/lib/importer/inputs/text/web-chrome.ts';
import { textToMarkdown } from '../../src/lib/importer/inputs/text/text-to-markdown.ts';
import { unspaced } from '../../src/lib/importer/extract/prose.ts';

const PAGE = [
  '12/7/26, 6:38 PM',
  '首页', '政务公开', '政府信息公开', '请输入搜索内容',
  '当前位置：', '首页', '政府信息公开年报',
  '某某县2023年度政府信息公开工作年度报告',
  '来源：某某县人民政府 时间：2024-01-20 15:07',
  '微信微博QQ空间',
  '本报告根据《中华人民共和国政府信息公开条例》编制。',
  '一、总体情况',
  '2023年，全县共主动公开政府信息 1200 条。',
  '某某县人民政府办公室',
  '2024年1月20日',
  '人民日报', '福建日报', '使用帮助 | 联系我们 | 隐私保护',
  '网站标识码：3590000001 闽ICP备09032658号',
  '版权所有：某某县人民政府',
  '为确保最佳浏览效果，建议您使用以下浏览器版本。',
];

describe('a printed web page', () => {
  it('finds the title past the menus, and takes off the page lines under it and the footer after the signature', () => {
    const page = titlePastChrome(PAGE)!;
    expect(page.title).toBe('某某县2023年度政府信息公开工作年度报告');
    expect(page.published).toBe('2024-01-20');
    expect(page.rest).toEqual(PAGE.slice(11, 16));
    expect(page.removed).toEqual(expect.arrayContaining(['首页', '来源：某某县人民政府 时间：2024-01-20 15:07', '微信微博QQ空间', '版权所有：某某县人民政府', '人民日报']));
    const converted = textToMarkdown(PAGE.join('\n'));
    expect(converted.title).toBe('某某县2023年度政府信息公开工作年度报告');
    expect(converted.markdown).not.toContain('版权所有');
    expect(converted.markdown).toContain('2024年1月20日');
  });

  it('takes nothing for a title when sentences of a document stand above it, and keeps a report that names a footer word in a sentence', () => {
    const document = ['这是一份通知。', '请各单位认真执行。', '另附说明如下。', '某某县2023年度政府信息公开工作年度报告', '正文。'];
    expect(titlePastChrome(document)).toBeUndefined();
    const lines = ['本年度工作正常。', '如有疑问请联系我们。', '版权所有：某局'];
    expect(siteFooter(lines)).toEqual({ lines: ['本年度工作正常。', '如有疑问请联系我们。'], removed: ['版权所有：某局'] });
    expect(siteFooter(['本年度工作正常。', '一段很长的说明文字没有句号但超过四十个字符的一行文字一段很长的说明文字没有句号但超过四十个字符', '版权所有'])).toEqual({ lines: ['本年度工作正常。', '一段很长的说明文字没有句号但超过四十个字符的一行文字一段很长的说明文字没有句号但超过四十个字符', '版权所有'], removed: [] });
  });

  it('reads prose whose digits a PDF set apart with spaces', () => {
    expect(unspaced('2012 年主动公开政府信息 1913 条，占 21.07 %。')).toBe('2012年主动公开政府信息1913条，占21.07%。');
    expect(unspaced('English words 12 stay apart')).toBe('English words 12 stay apart');
  });
});
