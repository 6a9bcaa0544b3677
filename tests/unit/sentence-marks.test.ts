/**
 * "与上年相同": the sentences of a rendered body carry the keys of the report's text facts
 * (src/lib/markdown/rehype-sentence-marks.ts, src/lib/quality/similarity.ts), and a report's repeats of
 * the previous one are counted and marked from them (src/lib/quality/repeats.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import matter from 'gray-matter';
import { describe, expect, it } from 'vitest';
import { createBodyRenderer } from '../../src/lib/markdown/processor.ts';
import { sentenceRanges } from '../../src/lib/markdown/rehype-sentence-marks.ts';
import { markRepeated, repeatsOf } from '../../src/lib/quality/repeats.ts';
import { proseOf, sentencesOf } from '../../src/lib/quality/similarity.ts';
import { sentenceKey } from '../../src/lib/quality/text-facts.ts';
import { withoutSentenceMarks } from '../../src/lib/search/search-body.ts';
import { ROOT } from '../helpers/content.ts';

const render = createBodyRenderer();
const spanKeys = (html: string) => [...html.matchAll(/<span data-s="([^"]+)">/g)].map((m) => m[1]!);
const LONG = '本机关全年主动公开政府信息共计一百条';

describe('sentence marks in a rendered body', () => {
  it('wraps each prose sentence of ten characters or more, with its end mark, and no heading, table or short sentence', async () => {
    const { html } = await render(`# ${LONG}标题\n\n${LONG}。短句。\n\n| ${LONG} | 1 |\n| --- | --- |\n| ${LONG} | 2 |\n`, {});
    expect(spanKeys(html)).toEqual([sentenceKey(LONG)]);
    expect(html).toContain(`<span data-s="${sentenceKey(LONG)}">${LONG}。</span>短句。`);
  });

  it('gives every piece of a sentence split by a quote\'s mark the key of the whole sentence', async () => {
    const quote = '主动公开政府信息共计一百条';
    const { html } = await render(`本年度，本机关${quote}，较上年有所增加。`, { metrics: { proactive_total: { value: 100, approx: false, quote } } });
    expect(html).toContain('<mark id="quote-1" class="quote">');
    const keys = spanKeys(html);
    expect(keys.length).toBe(3);
    expect(new Set(keys)).toEqual(new Set([sentenceKey(`本年度，本机关${quote}，较上年有所增加`)]));
  });

  it('cuts sentences as the text facts do, in every report of the archive: the same keys on both sides', async () => {
    const dir = join(ROOT, 'content', 'reports');
    let compared = 0;
    for (const agency of readdirSync(dir)) {
      for (const file of readdirSync(join(dir, agency))) {
        const { data, content } = matter(readFileSync(join(dir, agency, file), 'utf8'));
        const { html } = await render(content, data);
        expect(new Set(spanKeys(html)), `${agency}/${file}`).toEqual(new Set([...sentencesOf(content)].map(sentenceKey)));
        compared++;
      }
    }
    expect(compared).toBeGreaterThanOrEqual(18);
  });

  it('reads Markdown prose as a reader sees it: no markers, emphasis, link targets, tags or comments; escapes and entities read', () => {
    expect(proseOf('- 第一项\n1. 第二项\n> 引用\n**粗体**与[链接](http://x)\\*星号\\*<!-- 注释 -->&#x6309;照&lt;通知&gt;')).toBe('第一项\n第二项\n引用\n粗体与链接*星号*按照<通知>');
    expect(proseOf('# 标题\n| 表 | 格 |\n正文')).toBe('\n\n正文');
  });

  it('finds the end of each sentence and leaves the leading whitespace out of its span', () => {
    const text = `  ${LONG}；${LONG}\n短。`;
    expect(sentenceRanges(text).map((r) => text.slice(r.start, r.end))).toEqual([`${LONG}；`, LONG]);
  });

  it('is left out of the search index\'s document', async () => {
    const { html } = await render(`${LONG}。`, {});
    expect(withoutSentenceMarks(html)).toBe(`<p>${LONG}。</p>`);
  });
});

describe('repeats of the previous report', () => {
  it('counts the sentences found in the previous report, each once', () => {
    expect(repeatsOf(['a', 'b', 'c', 'c'], ['c', 'a', 'x'])).toEqual({ sentences: 3, repeated: 2, share: 2 / 3 });
    expect(repeatsOf([], ['a'])).toEqual({ sentences: 0, repeated: 0, share: 0 });
  });

  it('marks exactly the spans whose sentence the previous report has', () => {
    const html = '<p><span data-s="a">甲。</span><span data-s="b">乙。</span></p>';
    expect(markRepeated(html, ['b', 'z'])).toBe('<p><span data-s="a">甲。</span><span data-s="b" class="same">乙。</span></p>');
    expect(markRepeated(html, [])).toBe(html);
  });
});
