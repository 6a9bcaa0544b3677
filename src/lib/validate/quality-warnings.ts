/** The quality checks of the site, as warnings of `npm run check` (facts about the source, never errors). */
import { buildArchive } from '../archive.ts';
import { runChecks } from '../quality/index.ts';
import { FINDING_LABELS } from '../quality/finding.ts';
import { textFacts } from '../quality/text-facts.ts';
import type { Problem } from './problem.ts';
import type { Parsed } from './validate-content.ts';

export function qualityWarnings(parsed: Parsed): Problem[] {
  const archive = buildArchive(parsed.agencies, parsed.reports);
  const files = new Map(parsed.reports.map((r) => [r.id, r.file]));
  const facts = new Map(parsed.reports.map((r) => [r.id, textFacts(r.year, parsed.bodies.get(r.id) ?? '')]));
  return runChecks(archive, facts).findings.map((f) => ({
    file: files.get(f.report)!,
    severity: 'warning',
    message: `${FINDING_LABELS[f.kind]}：${f.message}`,
  }));
}
