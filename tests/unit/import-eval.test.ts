import { describe, expect, it } from 'vitest';
import { evaluateArchive, evaluatePrintedPages, evaluateVariants, TARGET_PRECISION, TARGET_RECALL, TARGET_VARIANT_RECALL, VARIANTS } from '../../src/cli/import-eval-run.ts';
import { evaluate, precision, recall } from '../../src/lib/importer/eval/evaluate.ts';
import { ROOT } from '../helpers/content.ts';

describe('evaluate', () => {
  it('counts right, wrong (other value, other approximation, or not in the review) and missed values per group', () => {
    const e = evaluate([
      {
        report: 'a/2014',
        reviewed: {
          proactive_total: { value: 600, approx: true },
          applications_total: { value: 0, approx: false },
          admin_reviews: { value: 2, approx: false },
          staff_total: { value: 3, approx: false },
        },
        imported: [
          { metric: 'proactive_total', value: 600, approx: false, quote: 'q' },
          { metric: 'applications_total', value: 0, approx: false, quote: 'q' },
          { metric: 'admin_reviews', value: 3, approx: false, quote: 'q' },
          { metric: 'fees_collected', value: 0, approx: false, quote: 'q' },
        ],
      },
    ]);
    expect(e.total).toEqual({ correct: 1, wrong: 3, missed: 1 });
    expect(e.byGroup.get('依申请公开')).toEqual({ correct: 1, wrong: 0, missed: 0 });
    expect(e.byGroup.get('人员与经费')).toEqual({ correct: 0, wrong: 0, missed: 1 });
    expect(precision(e.total)).toBe(0.25);
    expect(recall(e.total)).toBe(0.5);
  });
});

describe('import:eval on the archive', () => {
  it('meets the targets: no wrong value, recall at least 95%', async () => {
    const { evaluation, reports, skipped } = await evaluateArchive(ROOT);
    expect(skipped).toEqual([]);
    expect(reports).toBeGreaterThanOrEqual(18);
    expect(evaluation.mismatches.filter((m) => m.kind === 'wrong')).toEqual([]);
    expect(precision(evaluation.total)).toBeGreaterThanOrEqual(TARGET_PRECISION);
    expect(recall(evaluation.total)).toBeGreaterThanOrEqual(TARGET_RECALL);
  });
});

describe('import:eval on the layout-variant set', () => {
  it('meets the targets on every variant, the PDF printed by Chromium included: no wrong value, recall at least 90%', async () => {
    const variants = await evaluateVariants(ROOT);
    // CI installs Chromium, so the PDF variant is measured too.
    expect([...variants.keys()]).toEqual([...VARIANTS]);
    for (const [name, { evaluation, reports }] of variants) {
      expect(reports, name).toBeGreaterThanOrEqual(4);
      expect(evaluation.mismatches.filter((m) => m.kind === 'wrong'), name).toEqual([]);
      expect(precision(evaluation.total), name).toBeGreaterThanOrEqual(TARGET_PRECISION);
      expect(recall(evaluation.total), name).toBeGreaterThanOrEqual(TARGET_VARIANT_RECALL);
    }
  });
});

describe('import:eval on printed web pages', () => {
  it('reads the portal pages as a browser prints them (menus, footer, the browser’s own header and footer): no wrong value, recall at least 90%', async () => {
    const { evaluation, reports } = await evaluatePrintedPages(ROOT);
    // CI installs Chromium: every reviewed report with a saved portal page is printed.
    expect(reports).toBe(13);
    expect(evaluation.mismatches.filter((m) => m.kind === 'wrong')).toEqual([]);
    expect(recall(evaluation.total)).toBeGreaterThanOrEqual(TARGET_VARIANT_RECALL);
  });
});
