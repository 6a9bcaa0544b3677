/** A problem found in a content file, as editors see it. */
export interface Problem {
  /** Path of the file, relative to the project root (content/reports/…/2014.md). */
  file: string;
  /** Dotted path of the front-matter field (metrics.proactive_total.value), when the problem is in one. */
  field?: string;
  /** 1-based line in the file, when known. */
  line?: number;
  message: string;
  severity: 'error' | 'warning';
}

/** "content/x.md:12 metrics.a: message" — one line per problem. */
export function formatProblem(p: Problem): string {
  const where = p.line !== undefined ? `${p.file}:${p.line}` : p.file;
  const field = p.field ? ` ${p.field}:` : '';
  return `${where}${field} ${p.message}`;
}
