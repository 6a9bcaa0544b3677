/** A value an extractor found, with the exact text that states it. */
export interface Found {
  metric: string;
  value: number;
  approx: boolean;
  quote: string;
  /** Higher wins over lower when two findings disagree (e.g. a total over a part). */
  priority?: number;
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
  warnings: string[];
}
