/**
 * Which statutory elements of its year a report covers: the 2007 条例 art. 32
 * (reports for 2008–2018) or the 2019 条例 art. 50 (reports from 2019 on),
 * detected from the words of its headings and text. A checklist, not a verdict.
 */
export interface Element {
  label: string;
  /** Any of these words in the text counts as covering the element. */
  words: RegExp;
}

export interface ChecklistItem {
  label: string;
  found: boolean;
}

const ART_32: readonly Element[] = [
  { label: '主动公开情况', words: /主动公开/ },
  { label: '依申请公开和不予公开情况', words: /申请/ },
  { label: '收费及减免情况', words: /收费|减免|费用/ },
  { label: '因政府信息公开申请行政复议、提起行政诉讼的情况', words: /行政复议|行政诉讼/ },
  { label: '存在的主要问题和改进情况', words: /问题|不足|差距/ },
  { label: '其他需要报告的事项', words: /其他需要报告|其他事项|需要说明的事项/ },
];

const ART_50: readonly Element[] = [
  { label: '主动公开政府信息的情况', words: /主动公开/ },
  { label: '收到和处理政府信息公开申请的情况', words: /申请/ },
  { label: '因政府信息公开工作被申请行政复议、提起行政诉讼的情况', words: /行政复议|行政诉讼/ },
  { label: '存在的主要问题及改进情况', words: /问题|不足|差距/ },
  { label: '其他需要报告的事项', words: /其他需要报告|其他事项/ },
];

export function statutoryElements(year: number): { basis: string; elements: readonly Element[] } {
  return year >= 2019
    ? { basis: '《中华人民共和国政府信息公开条例》（2019）第五十条', elements: ART_50 }
    : { basis: '《中华人民共和国政府信息公开条例》（2007）第三十二条', elements: ART_32 };
}

export function completeness(year: number, body: string): ChecklistItem[] {
  return statutoryElements(year).elements.map((e) => ({ label: e.label, found: e.words.test(body) }));
}
