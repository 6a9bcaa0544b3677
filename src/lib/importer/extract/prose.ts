/**
 * Figures stated in prose. Each rule reads one sentence and is written to miss
 * rather than misread: a wrong number is worse than a missing one. Rules name
 * their metric; a metric outside the report's edition is never produced.
 */
import { findMetric, type EditionId } from '../../catalogue/index.ts';
import { NUMBER, readNumber, toHalfWidth } from '../template/numbers.ts';
import type { Sentence } from './blocks.ts';
import type { Found, FoundCategory } from './found.ts';

const N = `(约|近)?(${NUMBER})(余|多)?(万)?(余|多)?(左右)?`;

/** Value of the number groups starting at `m[at]` (the layout of `N`). */
function valueAt(m: RegExpExecArray, at: number): { value: number; approx: boolean } | undefined {
  const text = [m[at], m[at + 1], m[at + 2], m[at + 3], m[at + 4], m[at + 5]].filter(Boolean).join('');
  return readNumber(text);
}

/** Clauses of a sentence (split at commas), for rules that must not reach across them. */
const clausesOf = (sentence: string) => sentence.split(/[，,]/);

interface Rule {
  metric: string;
  /** Returns the value, or undefined when the sentence does not state it. */
  read(sentence: string): { value: number; approx: boolean; priority?: number } | undefined;
}

const firstMatch = (pattern: RegExp, at = 1) => (sentence: string) => {
  const m = pattern.exec(sentence);
  return m ? valueAt(m, at) : undefined;
};

/** A clause that states a quantity ("3件", "11起") is not a statement of none. */
const COUNTED = /\d\s*(件|条|起|次|份|人|元|万元|项)/;

/** A clause saying there was none of something; `not` lists words that make the clause about something else. */
/** Words that say something did not happen ("未收取", "暂不收费", "免收"). */
const NOT_HAPPENED = /(未|没有|无|尚未|不存在|暂不|免收|不予收取)/;

const none = (about: RegExp, not: RegExp) => (sentence: string) =>
  clausesOf(sentence).some((c) => NOT_HAPPENED.test(c) && about.test(c) && !not.test(c) && !COUNTED.test(toHalfWidth(c)))
    ? { value: 0, approx: false }
    : undefined;

const NEVER = /(?!)/;

/**
 * How sure a total is, from the sentence before the number: "2015年全区共主动公开…" states
 * the whole (2); after "其中", or in a clause naming 各乡镇, 区直各部门 or 其他, it is one part (0);
 * anything else is plain (1). A part never outweighs the whole and is never kept alone.
 */
function wholeOrPart(before: string): number {
  const clause = before.split(/[，,、(（]/).at(-1) ?? '';
  if (/其中/.test(before) || /各乡镇|各部门|区直|县直|市直|部门及|所属|下属|其他/.test(clause)) return 0;
  return /共|全年|全区|全县|全市|全局|累计|总计|合计/.test(clause) ? 2 : 1;
}

// "主动公开政府信息", "主动公开我区各级单位政府信息": a few words may stand between (who published), no number or comma.
const PROACTIVE = new RegExp(`(?:主动公开(?:了)?([^，,。；：\\d]{0,10}?)(?:各类|各项)?(?:政府)?信息(?:公开)?|公布(?:了)?政府信息)(?:共|共计|总计|合计|达)?${N}条`);

/** Words between 主动公开 and 信息 that make the figure one part's ("各乡镇", "区直部门"). */
const PART_OF = /各乡镇|各街道|各部门|区直|县直|市直|所属|下属|其中|其他|部分/;
/** Words there that say who published (the whole archive's figure: "我区各级单位"). */
const WHO = /我区|我县|我市|我省|我局|我委|本机关|本单位|本部门|各级|全区|全县|全市|全省/;
/** Words there that say what was published: then it is one kind of information, not the total ("政府采购项目信息"). */
const TOPIC = /采购|项目|招标|投标|工程|公告|文件|政策|规划|财政|预决算|招聘|人事|信用|许可|处罚/;

const RULES: Rule[] = [
  {
    metric: 'proactive_total',
    read(sentence) {
      const text = toHalfWidth(sentence);
      const m = PROACTIVE.exec(text);
      if (!m) return undefined;
      // Words between the two halves must name who published, not what: else it is not the total.
      if (m[1] && (!WHO.test(m[1]) || TOPIC.test(m[1]))) return undefined;
      const v = valueAt(m, 3);
      return v && { ...v, priority: m[1] && PART_OF.test(m[1]) ? 0 : wholeOrPart(text.slice(0, m.index)) };
    },
  },
  // Only requests for government information (not the service-hall applications many reports also count), and not one channel of them.
  {
    metric: 'applications_total',
    read: (s) => {
      const m = new RegExp(`(?:受理|收到|接到)([^，,。；\\d]{0,14})申请(?:共|共计|总数)?${N}(?:件|条|份)`).exec(toHalfWidth(s));
      if (!m || !/信息公开|依申请/.test(m[1]!) || /信函|当面|网上|传真|电子邮件|互联网/.test(m[1]!)) return undefined;
      return valueAt(m, 2);
    },
  },
  { metric: 'applications_total', read: none(/申请/, /复议|诉讼|收费|咨询|举报|投诉|提案|建议|申诉/) },
  { metric: 'fees_collected', read: none(/收(取)?费/, /处理费|标准|行政事业性/) },
  { metric: 'admin_reviews', read: firstMatch(new RegExp(`行政复议(?:案件)?(?:共|共计)?${N}(?:起|件|次)`), 1) },
  { metric: 'admin_reviews', read: none(/复议/, NEVER) },
  { metric: 'admin_litigations', read: firstMatch(new RegExp(`行政诉讼(?:案件)?(?:共|共计)?${N}(?:起|件|次)`), 1) },
  { metric: 'admin_litigations', read: none(/诉讼/, NEVER) },
  { metric: 'admin_complaints', read: none(/申诉/, NEVER) },
  { metric: 'staff_total', read: firstMatch(new RegExp(`${N}名专职`), 1) },
  { metric: 'staff_full_time', read: firstMatch(new RegExp(`${N}名全职`), 1) },
  { metric: 'staff_part_time', read: firstMatch(new RegExp(`${N}名兼职`), 1) },
  // "专职人员3人", "兼职工作人员12名": the count after the word, as pre-2019 prose often puts it.
  { metric: 'staff_total', read: firstMatch(new RegExp(`专职(?:工作)?人员(?:共|有)?${N}(?:人|名)`), 1) },
  { metric: 'staff_part_time', read: firstMatch(new RegExp(`兼职(?:工作)?人员(?:共|有)?${N}(?:人|名)`), 1) },
  // Consultations by channel, as pre-2019 prose lists them: "其中现场咨询1600人次，电话咨询3200人次".
  { metric: 'consultations_onsite', read: firstMatch(new RegExp(`现场(?:咨询|接待咨询)(?:共|达)?${N}(?:人次|次)`), 1) },
  { metric: 'consultations_phone', read: firstMatch(new RegExp(`电话(?:咨询|接待咨询)(?:共|达)?${N}(?:人次|次)`), 1) },
  { metric: 'consultations_online', read: firstMatch(new RegExp(`(?:网上|网络|在线)咨询(?:共|达)?${N}(?:人次|次)`), 1) },
  {
    metric: 'column_page_views',
    read: (s) => (/专栏[^，,。；]{0,8}访问量/.test(s) ? firstMatch(new RegExp(`访问量[^，,。；\\d]{0,4}?${N}(?:人次|次)`), 1)(s) : undefined),
  },
  {
    metric: 'website_visits',
    read: (s) => (/专栏[^，,。；]{0,8}访问量/.test(s) ? undefined : firstMatch(new RegExp(`网[^，,。；]{0,8}访问量[^，,。；\\d]{0,4}?${N}(?:人次|次)`), 1)(s)),
  },
  { metric: 'concerns_responded', read: firstMatch(new RegExp(`回应[^，,。；\\d]{0,10}?${N}次`), 1) },
  { metric: 'press_conferences', read: firstMatch(new RegExp(`新闻发布会${N}(?:场|次)`), 1) },
  { metric: 'npc_suggestions_lead', read: (s) => (/牵头|主办/.test(s) ? firstMatch(new RegExp(`人大代表建议(?:共)?${N}件`), 1)(s) : undefined) },
  { metric: 'cppcc_proposals_lead', read: (s) => (/牵头|主办/.test(s) ? firstMatch(new RegExp(`政协提案(?:共)?${N}件`), 1)(s) : undefined) },
  { metric: 'info_processing_fees', read: none(/信息处理费/, NEVER) },
  { metric: 'info_processing_fees', read: firstMatch(new RegExp(`信息处理费(?:共|共计|合计|总计|总额|金额)?(?:为)?${N}元`), 1) },
  { metric: 'disclosure_funding', read: firstMatch(new RegExp(`经费[^，,。；\\d]{0,10}?${N}万元`), 1) },
  { metric: 'disclosure_funding', read: firstMatch(new RegExp(`(?:投资|投入)${N}万元[^，,。；]{0,12}网站`), 2) },
  {
    // "…信息公开内容包括…等4类，共计600余条": the whole of what was disclosed, without the word 主动公开.
    metric: 'proactive_total',
    read: (s) => {
      if (!/政府信息公开内容/.test(s)) return undefined;
      const m = new RegExp(`[，,](?:共计|共|合计)${N}条`).exec(toHalfWidth(s));
      return m ? valueAt(m, 1) : undefined;
    },
  },
  { metric: 'proactive_new_normative_docs', read: firstMatch(new RegExp(`制发(?:行政)?规范性文件${N}件`), 1) },
  { metric: 'proactive_normative_docs_published', read: firstMatch(new RegExp(`主动公开(?:行政)?规范性文件${N}件`), 1) },
  { metric: 'npc_suggestions_assist', read: (s) => (/人大代表建议/.test(s) ? firstMatch(new RegExp(`(?:协同办理|协办)的?${N}件`), 1)(s) : undefined) },
  { metric: 'cppcc_proposals_assist', read: (s) => (/政协提案/.test(s) && !/人大/.test(s) ? firstMatch(new RegExp(`(?:协同办理|协办)的?${N}件`), 1)(s) : undefined) },
  { metric: 'news_published', read: firstMatch(new RegExp(`新闻(?:刊登|发布)了?${N}条`), 1) },
  { metric: 'wechat_posts', read: firstMatch(new RegExp(`发布了?${N}条[^，,。；\\d]{0,4}微信`), 1) },
  { metric: 'public_opinion_items', read: firstMatch(new RegExp(`舆情信息${N}条`), 1) },
  { metric: 'hotline_tickets', read: firstMatch(new RegExp(`热线交办单${N}(?:起|件)`), 1) },
  { metric: 'other_consultations', read: firstMatch(new RegExp(`接待${N}人次[^，,。；]{0,10}咨询`), 1) },
  { metric: 'consultations_total', read: none(/因政府信息公开[^，,。；]{0,6}咨询/, NEVER) },
];

const CATEGORY = new RegExp(`^(?:其中)?[：:]?([\\u4e00-\\u9fa5、]{2,14}?)(?:类信息|类|信息)?${N}条$`);

/** "其中，机构职能21条，政策法规97条…" after a 主动公开 total: the agency's own categories. */
function categoriesOf(sentence: string): FoundCategory[] {
  const clauses = clausesOf(sentence);
  const start = clauses.findIndex((c) => /^其中/.test(c.trim()));
  if (start === -1 || !PROACTIVE.test(toHalfWidth(clauses.slice(0, start).join('，')))) return [];
  const found: FoundCategory[] = [];
  for (const clause of clauses.slice(start)) {
    const text = clause.trim().replace(/^其中[：:，,]?/, '');
    const m = CATEGORY.exec(toHalfWidth(text));
    const v = m && valueAt(m, 2);
    if (m && v && !/主动公开|部门|乡镇|单位/.test(m[1]!)) found.push({ label: m[1]!, ...v, quote: clause.trim() });
  }
  return found;
}

/** A sentence without the spaces a PDF's text puts between Chinese characters and digits. */
export const unspaced = (text: string): string =>
  text.replace(/(?<=[\u3000-\u9fff\uff00-\uffef])[ \t]+(?=[\d０-９])|(?<=[\d０-９%％])[ \t]+(?=[\u3000-\u9fff\uff00-\uffef])|(?<=[\d０-９])[ \t]+(?=[%％])/g, '');

export function readProse(sentences: readonly Sentence[], edition: EditionId): { metrics: Found[]; categories: FoundCategory[] } {
  const metrics: Found[] = [];
  const categories: FoundCategory[] = [];
  const rules = RULES.filter((r) => findMetric(r.metric)!.editions.includes(edition));
  for (const { text } of sentences) {
    // A PDF sets digits in another font and its text comes out "信息 1913 条": rules read the sentence without
    // those spaces; the quote stays the sentence as it stands in the body.
    const read = unspaced(text);
    for (const rule of rules) {
      const v = rule.read(read);
      if (v) metrics.push({ metric: rule.metric, value: v.value, approx: v.approx, quote: text, priority: v.priority ?? 1 });
    }
    if (categories.length === 0) categories.push(...categoriesOf(text));
  }
  return { metrics, categories };
}
