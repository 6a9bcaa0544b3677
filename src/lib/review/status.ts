/**
 * Whether a person has checked a report against its source, as pages say it.
 * A machine import states only what the importer could read: a value it does not
 * list may be one it did not read, so the site says so wherever it shows one.
 */
import type { ReportData } from '../schema/report.ts';

/** The words every page uses for an unreviewed machine import. */
export const MACHINE_IMPORT = '机器导入，尚未人工核对';

/** What a reader should know about a machine import's missing values. */
export const MACHINE_IMPORT_NOTE = '数值由导入程序从原文读出，尚未经人工逐项核对；这里没有列出的项目可能只是尚未摘录，不一定是原报告未载明。';

/** `machine`: not yet checked; `reviewed`: checked (by whom, when); `editor`: written or checked by hand (no review block). */
export const REVIEW_STATES = ['machine', 'reviewed', 'editor'] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

/** Each state in a word, for tables people download. */
export const REVIEW_WORDS: Readonly<Record<ReviewState, string>> = { machine: MACHINE_IMPORT, reviewed: '已人工核对', editor: '编辑录入' };

export function reviewState(report: Pick<ReportData, 'review'>): ReviewState {
  return report.review?.status === 'machine' ? 'machine' : report.review?.status === 'reviewed' ? 'reviewed' : 'editor';
}

/** "已人工核对（张三，2026-12-07）" for a reviewed report, or undefined. */
export function reviewedLine(report: Pick<ReportData, 'review'>): string | undefined {
  const review = report.review;
  if (review?.status !== 'reviewed') return undefined;
  return `已人工核对（${[review.by, review.at].filter(Boolean).join('，')}）`;
}
