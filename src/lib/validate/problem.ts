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
  /**
   * Work left for a person (a machine import not yet reviewed, each value it withheld, an agency stub): a
   * warning, and an error in strict mode (`npm run check -- --strict`, `NIANBAO_STRICT=1` for the build),
   * which the publishing workflow uses so that nothing unreviewed is published.
   */
  pending?: true;
}

/** Whether strict mode is on for a build (NIANBAO_STRICT=1). */
export const strictFromEnv = (env: NodeJS.ProcessEnv = process.env): boolean => env['NIANBAO_STRICT'] === '1';

/** The problems as strict mode sees them: every pending item an error. */
export function inStrictMode(problems: readonly Problem[], strict: boolean): Problem[] {
  if (!strict) return [...problems];
  return problems.map((p) => (p.pending && p.severity === 'warning' ? { ...p, severity: 'error' as const, message: `（严格模式）${p.message}` } : p));
}

/** "content/x.md:12 metrics.a: message" — one line per problem. */
export function formatProblem(p: Problem): string {
  const where = p.line !== undefined ? `${p.file}:${p.line}` : p.file;
  const field = p.field ? ` ${p.field}:` : '';
  return `${where}${field} ${p.message}`;
}
