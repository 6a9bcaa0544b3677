/**
 * All quality checks over the archive, run once per build. Findings are facts
 * about the source reports: pages show them, the build prints a summary, nothing
 * blocks.
 */
import { reportName, type Archive } from '../archive.ts';
import { percent } from '../format.ts';
import { checkCarryOver } from './carryover.ts';
import { completeness, type ChecklistItem } from './completeness.ts';
import { FINDING_LABELS, type Finding, type FindingKind } from './finding.ts';
import { similarities, type Similarity, type SimilarityDoc } from './similarity.ts';
import type { TextFacts } from './text-facts.ts';
import { checkCategorySum, checkIdentities } from './sums.ts';

export * from './finding.ts';

/** Share of sentences shared with another agency's report from which it is a finding. */
export const SIMILAR_SHARE = 0.5;

export interface ReportQuality {
  findings: Finding[];
  checklist: ChecklistItem[];
  similarity: Similarity;
}

export interface Quality {
  byReport: Map<string, ReportQuality>;
  findings: Finding[];
  counts: Record<FindingKind, number>;
}

/** Each report's sentences for the similarity check, in the archive's order. */
export function similarityTexts(archive: Archive, facts: ReadonlyMap<string, TextFacts>): SimilarityDoc[] {
  return archive.reports.map((r) => ({ id: r.id, agency: r.agency, year: r.year, sentences: new Set(facts.get(r.id)?.sentences) }));
}

/**
 * `facts`: each report's text facts (`textFacts`), by report id. `texts`: the sentences the similarity check
 * compares, by default the archive's own; a part of a build in parts checks its own reports against every
 * report's sentences.
 */
export function runChecks(archive: Archive, facts: ReadonlyMap<string, TextFacts>, texts: readonly SimilarityDoc[] = similarityTexts(archive, facts)): Quality {
  const findings: Finding[] = [];
  for (const report of archive.reports) {
    findings.push(...checkCategorySum(report), ...checkIdentities(report));
  }
  for (const reports of archive.reportsByAgency.values()) findings.push(...checkCarryOver(reports));

  const checklists = new Map(archive.reports.map((r) => [r.id, facts.get(r.id)?.checklist ?? completeness(r.year, '')]));
  for (const [id, list] of checklists) {
    const missing = list.filter((i) => !i.found).map((i) => i.label);
    if (missing.length) findings.push({ kind: 'completeness', report: id, message: `未见以下法定内容：${missing.join('；')}` });
  }

  const similar = similarities(texts);
  for (const [id, s] of similar) {
    if (!checklists.has(id)) continue; // a report outside this part: its page is built by another
    if (s.otherAgency && s.otherAgency.share >= SIMILAR_SHARE) {
      findings.push({ kind: 'similarity', report: id, message: `${percent(s.otherAgency.share)} 的句子与${reportName(archive, s.otherAgency.id)}的报告相同`, related: s.otherAgency.id });
    }
  }

  const grouped = new Map<string, Finding[]>();
  for (const f of findings) grouped.set(f.report, [...(grouped.get(f.report) ?? []), f]);
  const byReport = new Map<string, ReportQuality>(
    archive.reports.map((r) => [r.id, { findings: grouped.get(r.id) ?? [], checklist: checklists.get(r.id)!, similarity: similar.get(r.id) ?? {} }]),
  );
  const counts = Object.fromEntries(Object.keys(FINDING_LABELS).map((k) => [k, findings.filter((f) => f.kind === k).length])) as Record<FindingKind, number>;
  return { byReport, findings, counts };
}

/** "质量检查：3 项分项与合计不符，0 项……" — the build's one-line summary. */
export function summaryLine(quality: Quality): string {
  return `质量检查：${(Object.entries(quality.counts) as [FindingKind, number][]).map(([k, n]) => `${FINDING_LABELS[k]} ${n}`).join('，')}（共 ${quality.findings.length} 项，不影响构建）`;
}
