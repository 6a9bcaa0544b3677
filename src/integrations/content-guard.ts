/**
 * Astro integration checking that the built archive is whole. (Before the build, every file under
 * content/ was checked by the prepare step, src/build/prepare-content.ts, which lists every problem.)
 *
 * After the build (of the whole site, or of the merged parts): the archive is whole — as many report pages and CSV rows as report files.
 * (The search index count is checked by src/cli/search-index.ts, which runs after the build.)
 */
import { existsSync, readFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { countReportFiles } from '../build/content-files.ts';
import { partFromEnv, partName } from '../build/parts.ts';

/** Report pages of a built site: reports/<agency>/<year>/index.html. */
export async function countReportPages(siteDir: string): Promise<number> {
  const dir = join(siteDir, 'reports');
  if (!existsSync(dir)) return 0;
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile() && e.name === 'index.html' && /\/reports\/[^/]+\/\d{4}$/.test(e.parentPath.replaceAll('\\', '/'))).length;
}

/** Data rows of reports.csv (the header is not a row; quoted fields never span lines here). */
export function countCsvRows(siteDir: string): number {
  const file = join(siteDir, 'data', 'reports.csv');
  if (!existsSync(file)) return 0;
  return readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '').length - 1;
}

/** The archive is whole: as many report pages and CSV rows as report files; throws naming the three counts otherwise. */
export async function checkWhole(siteDir: string, contentDir: string): Promise<string> {
  const reports = await countReportFiles(contentDir);
  const pages = await countReportPages(siteDir);
  const rows = countCsvRows(siteDir);
  if (pages !== reports || rows !== reports) {
    throw new Error(`档案不完整：content/ 有 ${reports} 份报告，但生成了 ${pages} 个报告页、${rows} 行 CSV 数据`);
  }
  return `完整：${reports} 份报告 = ${pages} 个报告页 = ${rows} 行 CSV。`;
}

export default function contentGuard(options: { contentDir: string }): AstroIntegration {
  return {
    name: 'nianbao-content-guard',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const part = partFromEnv();
        // A part holds a share of the pages: the merge of the parts checks the whole (src/build/merge-parts.ts).
        if (part.kind !== 'whole') return logger.info(`构建部分 ${partName(part)} 完成；完整性在合并各部分后检查。`);
        logger.info(await checkWhole(fileURLToPath(dir), options.contentDir));
      },
    },
  };
}
