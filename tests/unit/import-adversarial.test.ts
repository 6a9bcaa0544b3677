/**
 * The evidence engine against generated adversarial layouts (eval/adversarial.ts):
 * every reviewed 2019 and 2021 report, in tab, pipe, space-aligned and HTML form,
 * with one label cell per row or ragged label cells, each with a corruption (a
 * cell dropped or doubled, a row shifted, a numbering read as a number, rows
 * swapped, labels lost and number rows swapped, a blank cell that vanishes).
 * Missed values are allowed; a wrong one is not.
 */
import { describe, expect, it } from 'vitest';
import { evaluateAdversarial } from '../../src/cli/import-eval-run.ts';
import { adversarialLayout, CORRUPTIONS, FORMS, LABEL_STYLES } from '../../src/lib/importer/eval/adversarial.ts';
import { importReport } from '../../src/lib/importer/import-report.ts';
import { ROOT, contentReports } from '../helpers/content.ts';

describe('adversarial layouts', () => {
  it('keep no wrong value over every layout of every reviewed report', async () => {
    const result = await evaluateAdversarial(ROOT);
    // 4 reviewed reports × 4 forms × 2 label styles × (1 clean + 8 corruptions × 3 seeds).
    expect(result.layouts).toBe(4 * FORMS.length * LABEL_STYLES.length * (1 + (CORRUPTIONS.length - 1) * 3));
    expect(result.wrong).toEqual([]);
    // Every value that names its cell names one that holds it, and most table values do name it.
    expect(result.wrongCells).toEqual([]);
    expect(result.cells / result.correct).toBeGreaterThan(0.5);
    // Missing is allowed, but most values are still read.
    expect(result.correct / result.values).toBeGreaterThan(0.9);
  });

  it('read the issue’s case right: tab rows whose 办理结果 rows carry two or three label cells', async () => {
    const report = (await contentReports()).find((r) => r.id === '350128-guanweihui/2021')!;
    const layout = adversarialLayout(report.data.title, report.body, 'tab', 'ragged', 'none', 1);
    expect(layout.text).toContain('三、本年度办理结果\t（三）不予公开\t1.属于国家秘密\t0');
    const imported = importReport(layout.path, new TextEncoder().encode(layout.text), { agencies: [], agency: report.data.agency, year: report.data.year });
    const got = new Map(imported.metrics.map((m) => [m.metric, m.value]));
    for (const id of ['requests_new', 'requests_new.natural_person', 'requests_new.other_org', 'result_total', 'result_partial.legal_service', 'requests_carried_forward']) {
      expect(got.get(id), id).toBe(report.data.metrics[id]!.value);
    }
    // Each names its exact cell: the 总计 of 一、本年新收 is the row's last printed cell (blank padding follows),
    // 自然人 the cell after its one label cell (the source's header spans 自然人 over two columns, 64 | 0).
    const byId = new Map(imported.metrics.map((m) => [m.metric, m]));
    const total = byId.get('requests_new')!;
    const cells = total.quote.split(' | ');
    const last = cells.findLastIndex((c) => c.trim() !== '') + 1;
    expect(total.cellRef).toEqual({ table: '表三', row: '一、本年新收政府信息公开申请数量', column: '总计', position: last });
    expect(cells[last - 1]).toBe(String(total.value));
    const natural = byId.get('requests_new.natural_person')!;
    expect(natural.cellRef).toMatchObject({ column: '自然人', position: 2 });
    expect(cells[natural.cellRef!.position! - 1]).toBe(String(natural.value));
  });

  it('make the same layout from the same name (so a failure can be made again)', async () => {
    const report = (await contentReports()).find((r) => r.id === '350128-guanweihui/2019')!;
    const a = adversarialLayout(report.data.title, report.body, 'spaced', 'ragged', 'drop-cell', 2);
    expect(adversarialLayout(report.data.title, report.body, 'spaced', 'ragged', 'drop-cell', 2).text).toBe(a.text);
    expect(adversarialLayout(report.data.title, report.body, 'spaced', 'ragged', 'drop-cell', 3).text).not.toBe(a.text);
  });
});
