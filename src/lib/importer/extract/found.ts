import type { CellRef } from '../../metric-value.ts';

/** A value an extractor found, with the exact text that states it. */
export interface Found {
  metric: string;
  value: number;
  approx: boolean;
  quote: string;
  /** Higher wins over lower when two findings disagree (e.g. a total over a part). */
  priority?: number;
  /**
   * How a table value was placed: by its row label; by template order where labels were lost; or
   * inferred from a row that had to be narrowed (a repeated spanned cell, blank padding). The last
   * two are uncertain: kept only when an identity over whole rows confirms them.
   */
  placement?: 'label' | 'order' | 'inferred';
  /** Identities (catalogue/identities.ts) that hold over this value. */
  confirmedBy?: string[];
  /**
   * Set by the table readers: the value stood in a table cell, `position` (1 = the row's first printed
   * cell) when the row is a Markdown table row, and the printed `row` label and `column` header where the
   * template has no names for them (a pre-2019 appendix).
   * `cellRef` (cell-ref.ts) completes it with the template's table, row and column.
   */
  cell?: { position?: number; row?: string; column?: string };
  /** The complete cell reference, set by `extractMetrics` from `cell` and the catalogue. */
  cellRef?: CellRef;
}

export interface FoundCategory {
  label: string;
  value: number;
  approx: boolean;
  quote: string;
}

export interface Extraction {
  metrics: Found[];
  categories: FoundCategory[];
  /** Values read but not kept, with the reason (uncertain placement no identity confirmed). */
  withheld: { metric: string; value: number; approx?: boolean; quote: string; cell?: CellRef; reason: string }[];
  warnings: string[];
}
