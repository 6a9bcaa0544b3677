/** The report bodies' renderer for the prepare step (src/lib/markdown/processor.ts). */
import { createBodyRenderer } from '../lib/markdown/processor.ts';
import type { RenderMarkdown } from '../lib/prepare/prepare-report.ts';

export async function createRenderer(): Promise<RenderMarkdown> {
  return createBodyRenderer();
}
