/** The archive's own content files, parsed, for tests. */
import { readContentFiles } from '../../src/build/content-files.ts';
import { reportSchema, type ReportData } from '../../src/lib/schema/report.ts';
import { parseYaml, splitFrontMatter } from '../../src/lib/validate/front-matter.ts';

export const ROOT = new URL('../..', import.meta.url).pathname;

export interface ContentReport {
  id: string;
  path: string;
  data: ReportData;
  body: string;
}

export async function contentFiles() {
  return readContentFiles(ROOT);
}

export async function contentReports(): Promise<ContentReport[]> {
  const files = (await contentFiles()).filter((f) => f.path.startsWith('content/reports/'));
  return files.map((f) => {
    const { frontMatter, body } = splitFrontMatter(f.text);
    const data = reportSchema.parse(parseYaml(frontMatter ?? '').data);
    return { id: `${data.agency}/${data.year}`, path: f.path, data, body };
  });
}
