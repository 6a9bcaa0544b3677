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
