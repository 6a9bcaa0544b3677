/**
 * Template editions of the annual report (see docs/reference/report-formats.md).
 * Which edition a report uses is fixed by the year it reports on.
 */

export const EDITION_IDS = ['pre2019', '2019', '2021'] as const;
export type EditionId = (typeof EDITION_IDS)[number];

export interface Edition {
  id: EditionId;
  /** Chinese name shown to visitors. */
  label: string;
  /** The document that introduced the template, when there is one. */
  basis: string;
  /** First and last report year the edition applies to (inclusive; `null` = still current). */
  firstYear: number;
  lastYear: number | null;
  /** Section headings of the template (pre2019: the elements of the 2007 条例 art. 32 as reports usually title them). */
  sections: readonly string[];
}

/** First report year the archive accepts: the 2007 条例 took effect in 2008, reports for 2007 exist. */
export const FIRST_REPORT_YEAR = 2007;

export const EDITIONS: readonly Edition[] = [
  {
    id: 'pre2019',
    label: '2019年以前版式',
    basis: '《中华人民共和国政府信息公开条例》（2007）第三十二条',
    firstYear: FIRST_REPORT_YEAR,
    lastYear: 2018,
    sections: [
      '一、概述', '二、主动公开政府信息情况', '三、依申请公开政府信息情况', '四、政府信息公开的收费及减免情况',
      '五、因政府信息公开申请提起行政复议、行政诉讼的情况', '六、政府信息公开工作存在的主要问题及改进情况', '七、其他需要报告的事项',
    ],
  },
  {
    id: '2019',
    label: '2019年试行版式',
    basis: '国办公开办函〔2019〕60号',
    firstYear: 2019,
    lastYear: 2020,
    sections: [
      '一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况',
      '五、政府信息公开工作存在的主要问题及改进情况', '六、其他需要报告的事项',
    ],
  },
  {
    id: '2021',
    label: '2021年版式',
    basis: '国办公开办函〔2021〕30号',
    firstYear: 2021,
    lastYear: null,
    sections: [
      '一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况',
      '五、存在的主要问题及改进情况', '六、其他需要报告的事项',
    ],
  },
];

export function getEdition(id: EditionId): Edition {
  const edition = EDITIONS.find((e) => e.id === id);
  if (!edition) throw new Error(`Unknown edition "${id}"`);
  return edition;
}

/** The edition a report for `year` must use, or `undefined` for a year before any edition. */
export function editionForYear(year: number): EditionId | undefined {
  return EDITIONS.find((e) => year >= e.firstYear && (e.lastYear === null || year <= e.lastYear))?.id;
}

/** Human-readable year span, e.g. "2019–2020年" or "2021年起". */
export function editionYears(edition: Edition): string {
  return edition.lastYear === null
    ? `${edition.firstYear}年起`
    : `${edition.firstYear}–${edition.lastYear}年`;
}
