/**
 * Anchors for quotes. Every distinct `quote` of a report gets one anchor id, so
 * the metrics panel can link to the place in the text, and the rehype plugin
 * that marks that place uses the same id. Both read the front-matter in the same
 * order (metrics, then categories), raw or validated.
 */

interface QuoteCarrier {
  metrics?: unknown;
  categories?: unknown;
}

function quoteOf(value: unknown): string | undefined {
  if (value && typeof value === 'object' && 'quote' in value) {
    const quote = (value as { quote: unknown }).quote;
    if (typeof quote === 'string' && quote.trim() !== '') return quote.trim();
  }
  return undefined;
}

/** Every quote of the report, in front-matter order, without repeats. */
export function collectQuotes(frontmatter: QuoteCarrier): string[] {
  const values: unknown[] = [];
  if (frontmatter.metrics && typeof frontmatter.metrics === 'object') values.push(...Object.values(frontmatter.metrics));
  if (Array.isArray(frontmatter.categories)) values.push(...frontmatter.categories);
  const quotes = values.map(quoteOf).filter((q): q is string => q !== undefined);
  return [...new Set(quotes)];
}

/** quote → anchor id (`quote-1`, `quote-2` …). */
export function quoteAnchors(frontmatter: QuoteCarrier): Map<string, string> {
  return new Map(collectQuotes(frontmatter).map((quote, i) => [quote, `quote-${i + 1}`]));
}

/** A table value's cell anchor: the row's quote anchor and the cell's place in the row. */
export interface CellAnchor {
  rowId: string;
  /** `quote-N-cP`. */
  id: string;
  position: number;
  value: number;
  approx: boolean;
}

function cellOf(value: unknown): { quote: string; position: number; value: number; approx: boolean } | undefined {
  const quote = quoteOf(value);
  if (!quote || !value || typeof value !== 'object') return undefined;
  const v = value as { value?: unknown; approx?: unknown; cell?: { position?: unknown } };
  const position = v.cell?.position;
  if (typeof position !== 'number' || typeof v.value !== 'number') return undefined;
  return { quote, position, value: v.value, approx: v.approx === true };
}

/** The anchor a value's "出处" link goes to: its cell where it names one, else its quote. */
export function valueAnchor(anchors: ReadonlyMap<string, string>, value: unknown): string | undefined {
  const cell = cellOf(value);
  const quote = quoteOf(value);
  const row = quote ? anchors.get(quote) : undefined;
  return row && cell ? `${row}-c${cell.position}` : row;
}

/** Every distinct cell the metrics name, with the anchor of the row that holds it. */
export function cellAnchors(frontmatter: QuoteCarrier): CellAnchor[] {
  const anchors = quoteAnchors(frontmatter);
  const out = new Map<string, CellAnchor>();
  const metrics = frontmatter.metrics && typeof frontmatter.metrics === 'object' ? Object.values(frontmatter.metrics) : [];
  for (const value of metrics) {
    const cell = cellOf(value);
    const rowId = cell ? anchors.get(cell.quote) : undefined;
    if (!cell || !rowId) continue;
    const id = `${rowId}-c${cell.position}`;
    if (!out.has(id)) out.set(id, { rowId, id, position: cell.position, value: cell.value, approx: cell.approx });
  }
  return [...out.values()];
}
