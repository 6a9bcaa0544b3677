/**
 * How the importer does against reviewed reports: per metric group, how many of
 * its values are right (precision) and how many of the reviewed values it finds
 * (recall). A value is right when value and approximation both match.
 */
import { findMetric, METRIC_GROUPS, type MetricGroup } from '../../catalogue/index.ts';
import type { MetricValue } from '../../metric-value.ts';
import type { Found } from '../extract/found.ts';

export interface Score {
  /** Importer values equal to the reviewed ones. */
  correct: number;
  /** Importer values the reviewed report does not have, or has with another value. */
  wrong: number;
  /** Reviewed values the importer did not produce. */
  missed: number;
}

export interface Mismatch {
  report: string;
  metric: string;
  kind: 'wrong' | 'missed';
  expected?: number;
  got?: number;
}

export interface Evaluation {
  byGroup: Map<MetricGroup, Score>;
  total: Score;
  mismatches: Mismatch[];
}

export const precision = (s: Score) => (s.correct + s.wrong === 0 ? 1 : s.correct / (s.correct + s.wrong));
export const recall = (s: Score) => (s.correct + s.missed === 0 ? 1 : s.correct / (s.correct + s.missed));

const empty = (): Score => ({ correct: 0, wrong: 0, missed: 0 });

export function evaluate(pairs: readonly { report: string; reviewed: Record<string, MetricValue>; imported: readonly Found[] }[]): Evaluation {
  const byGroup = new Map<MetricGroup, Score>(METRIC_GROUPS.map((g) => [g, empty()]));
  const total = empty();
  const mismatches: Mismatch[] = [];
  const count = (metric: string, key: keyof Score) => {
    byGroup.get(findMetric(metric)!.group)![key]++;
    total[key]++;
  };
  for (const { report, reviewed, imported } of pairs) {
    const got = new Map(imported.map((f) => [f.metric, f]));
    for (const [metric, expected] of Object.entries(reviewed)) {
      const found = got.get(metric);
      if (!found) {
        count(metric, 'missed');
        mismatches.push({ report, metric, kind: 'missed', expected: expected.value });
      } else if (found.value === expected.value && found.approx === expected.approx) {
        count(metric, 'correct');
      } else {
        count(metric, 'wrong');
        mismatches.push({ report, metric, kind: 'wrong', expected: expected.value, got: found.value });
      }
    }
    for (const f of imported) {
      if (!(f.metric in reviewed)) {
        count(f.metric, 'wrong');
        mismatches.push({ report, metric: f.metric, kind: 'wrong', got: f.value });
      }
    }
  }
  return { byGroup, total, mismatches };
}
