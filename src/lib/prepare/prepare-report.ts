/**
 * One report file made ready for the build, once per text: checked, its body
 * rendered to HTML, and the facts the archive-wide checks need taken from its
 * text. The build caches the result by the file's text (src/build/prepared-store.ts),
 * so an unchanged report is never parsed or rendered again.
 */
import type { MarkdownHeading } from '@astrojs/markdown-remark';
import type { Report } from '../archive.ts';
import { textFacts, type TextFacts } from '../quality/text-facts.ts';
import type { Problem } from '../validate/problem.ts';
import { parseReportFile, type ContentFile } from '../validate/validate-content.ts';
import { bodyDigest } from '../validate/integrity.ts';

/** What the archive keeps of a prepared report (everything but its rendered body). */
export interface PreparedMeta {
  file: string;
  /** Problems of this file alone; with an error there is no `report`. */
  problems: Problem[];
  report?: Report;
  headings?: MarkdownHeading[];
  facts?: TextFacts;
  /** The body's digest, to find one report filed under two years (`bodyDigest`). */
  body?: string;
}

export interface PreparedReport {
  meta: PreparedMeta;
  /** The body as HTML, sanitized, with quote anchors and heading ids; empty when the file has errors. */
  html: string;
}

/** Markdown body → HTML, with the report's front-matter (the quote anchors need it). */
export type RenderMarkdown = (body: string, frontmatter: Record<string, unknown>) => Promise<{ html: string; headings: MarkdownHeading[] }>;

export async function prepareReport(file: ContentFile, render: RenderMarkdown): Promise<PreparedReport> {
  const { problems, report, body } = parseReportFile(file);
  if (!report || problems.some((p) => p.severity === 'error')) return { meta: { file: file.path, problems }, html: '' };
  const { html, headings } = await render(body!, report as unknown as Record<string, unknown>);
  const digest = bodyDigest(body!);
  return { meta: { file: file.path, problems, report, headings, facts: textFacts(report.year, body!), ...(digest ? { body: digest } : {}) }, html };
}
