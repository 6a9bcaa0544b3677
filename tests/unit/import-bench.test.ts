import { describe, expect, it } from 'vitest';
import { generateInputs, generatePdfInputs, runBench, viaImportFile } from '../../src/cli/import-bench-run.ts';
import { ROOT } from '../helpers/content.ts';

describe('importer benchmark (smoke test of the script; no timing is asserted)', () => {
  it('generates the same inputs for the same seed, different ones for another, and imports them all', async () => {
    const a = generateInputs(ROOT, 36, 3);
    expect(a).toHaveLength(36);
    expect(generateInputs(ROOT, 36, 3).map((i) => i.bytes)).toEqual(a.map((i) => i.bytes));
    expect(generateInputs(ROOT, 36, 4)[0]!.bytes).not.toEqual(a[0]!.bytes);
    const result = await runBench(a);
    expect(result.imported).toBe(36);
    expect(result.metrics).toBeGreaterThan(36);
    expect(result.reportsPerSecond).toBeGreaterThan(0);
  });

  it('prints PDFs with Chromium from the archive and imports them through importFile', async () => {
    const pdfs = await generatePdfInputs(ROOT, 2, 5);
    expect(pdfs.map((p) => p.path.endsWith('.pdf'))).toEqual([true, true]);
    expect(new TextDecoder().decode(pdfs[0]!.bytes.subarray(0, 5))).toBe('%PDF-');
    const result = await runBench(pdfs, viaImportFile);
    expect(result.imported).toBe(2);
    // Its numbers are changed at random, so rows rarely add up: most table values are read and withheld.
    expect(result.read).toBeGreaterThan(100);
    expect(result.metrics).toBeGreaterThan(20);
  });
});
