/**
 * An editor's review of a machine import, as edits to its front-matter: each stored value accepted,
 * corrected or rejected; each value the importer withheld taken (as read, or corrected) or rejected; and,
 * when nothing is left undecided, the report marked reviewed, by whom and on which day.
 */
import { findMetric } from '../catalogue/index.ts';
import type { CellRef, MetricValue } from '../metric-value.ts';
import type { ReportData } from '../schema/report.ts';
import { cellMismatch } from '../validate/cells.ts';
import type { FrontMatterEdit } from './edit-front-matter.ts';

export type Decision =
  | { kind: 'accept' }
  | { kind: 'correct'; value: number; approx: boolean }
  | { kind: 'reject' }
  /** Only for withheld values: left for later. */
  | { kind: 'undecided' };

export interface ReviewSubmission {
  /** Stored values by metric id; a value not listed is kept as it is. */
  values: Readonly<Record<string, Decision>>;
  /** Withheld values by their index in `imported.withheld`; one not listed stays undecided. */
  withheld: Readonly<Record<number, Decision>>;
  /** Mark the report reviewed (needs `reviewer`, and every withheld value decided). */
  markReviewed: boolean;
  reviewer?: string | undefined;
  /** The day of the review, YYYY-MM-DD. */
  today: string;
}

export interface ReviewPlan {
  edits: FrontMatterEdit[];
  /** Why the submission cannot be written as it is (nothing is written then). */
  problems: string[];
}

const number = (value: number, approx: boolean) => `${approx ? '约' : ''}${value}`;

/** A corrected value's entry: its identities proved the imported value, not this one; a cell that no longer holds it loses its position. */
function corrected(old: MetricValue | { value: number; approx?: boolean | undefined; quote?: string | undefined; cell?: CellRef | undefined }, value: number, approx: boolean, note: string): Record<string, unknown> {
  const cell = old.cell && cellMismatch({ value, approx, quote: old.quote, cell: old.cell }) ? { table: old.cell.table, row: old.cell.row, column: old.cell.column } : old.cell;
  return {
    value,
    ...(approx ? { approx: true } : {}),
    ...(old.quote ? { quote: old.quote } : {}),
    ...(cell ? { cell } : {}),
    note,
  };
}

/** The edits a submission makes, or the problems that stop it. */
export function reviewPlan(report: Pick<ReportData, 'metrics' | 'imported' | 'edition'>, submission: ReviewSubmission): ReviewPlan {
  const edits: FrontMatterEdit[] = [];
  const removals: FrontMatterEdit[] = [];
  const problems: string[] = [];
  for (const [id, decision] of Object.entries(submission.values)) {
    const stored = report.metrics[id];
    if (!stored) {
      problems.push(`${id} 不在 metrics 中（文件可能已被改动，请刷新）`);
      continue;
    }
    if (decision.kind === 'reject') removals.push({ op: 'delete', path: ['metrics', id] });
    else if (decision.kind === 'correct' && (decision.value !== stored.value || decision.approx !== stored.approx)) {
      edits.push({ op: 'set', path: ['metrics', id], value: corrected(stored, decision.value, decision.approx, `审核改正：导入值为 ${number(stored.value, stored.approx)}`) });
    }
  }
  const withheld = report.imported?.withheld ?? [];
  const taken = new Set<string>();
  withheld.forEach((w, i) => {
    const decision = submission.withheld[i] ?? { kind: 'undecided' };
    if (decision.kind === 'undecided') return;
    if (decision.kind !== 'reject') {
      if (!findMetric(w.metric)) {
        problems.push(`未采用的第 ${i + 1} 项：${w.metric} 不是目录中的指标`);
        return;
      }
      if (report.metrics[w.metric] && submission.values[w.metric]?.kind !== 'reject') {
        problems.push(`未采用的第 ${i + 1} 项：${w.metric} 已有数值 ${number(report.metrics[w.metric]!.value, report.metrics[w.metric]!.approx)}；先否决那个数值，再采用这一项`);
        return;
      }
      if (taken.has(w.metric)) {
        problems.push(`未采用的第 ${i + 1} 项：${w.metric} 已从另一项采用了数值`);
        return;
      }
      taken.add(w.metric);
      const value = decision.kind === 'correct' ? decision.value : w.value;
      const approx = decision.kind === 'correct' ? decision.approx : (w.approx ?? false);
      const note = `审核采用导入时未采用的数值${decision.kind === 'correct' ? `并改正（读到 ${number(w.value, w.approx ?? false)}）` : ''}；导入时的理由：${w.reason}`;
      // A rejected stored value of the same metric is replaced, not deleted after.
      const at = removals.findIndex((r) => r.path[1] === w.metric);
      if (at >= 0) removals.splice(at, 1);
      edits.push({ op: 'set', path: ['metrics', w.metric], value: corrected({ value: w.value, approx: w.approx, quote: w.quote, cell: w.cell }, value, approx, note) });
    }
    removals.push({ op: 'delete', path: ['imported', 'withheld', i] });
  });
  if (submission.markReviewed) {
    const undecided = withheld.filter((_, i) => (submission.withheld[i]?.kind ?? 'undecided') === 'undecided').length;
    if (undecided) problems.push(`还有 ${undecided} 个导入时未采用的数值没有决定（采用、改正或否决）：决定后才能标记为已核对`);
    const by = submission.reviewer?.trim();
    if (!by) problems.push('标记为已核对须写明核对人');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(submission.today)) problems.push(`核对日期 ${submission.today} 不是 YYYY-MM-DD`);
    if (by) edits.push({ op: 'set', path: ['review'], value: { status: 'reviewed', by, at: submission.today } });
  }
  // List items go last to first, so each index still names the item it meant.
  const withheldRemovals = removals.filter((r) => r.path[0] === 'imported').sort((a, b) => Number(b.path[2]) - Number(a.path[2]));
  return { edits: [...edits, ...removals.filter((r) => r.path[0] !== 'imported'), ...withheldRemovals], problems };
}
