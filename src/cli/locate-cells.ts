/**
 * `npm run cells`: give every table value of the archive that does not name its cell the cell the
 * importer reads it from (lib/review/locate-cells.ts), through the content writer; only the lines of
 * the new `cell:` entries change. `--dry-run` lists what it would write.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { readContentFiles } from '../build/content-files.ts';
import { editFrontMatter } from '../lib/review/edit-front-matter.ts';
import { cellEdits } from '../lib/review/locate-cells.ts';
import { parseReportFile } from '../lib/validate/validate-content.ts';
import { newBackupStamp, writeContentFile } from './content-writer.ts';

const { values: options } = parseArgs({ options: { 'dry-run': { type: 'boolean', default: false } } });
// Run from the project folder, as npm run does: its content/ is the archive.
const root = process.cwd();
const contentDir = join(root, 'content');
const stamp = newBackupStamp();
let named = 0;
let files = 0;
for (const file of await readContentFiles(root)) {
  if (!file.path.startsWith('content/reports/')) continue;
  const { report, body } = parseReportFile(file);
  if (!report || body === undefined) continue;
  const edits = cellEdits(report, body);
  if (edits.length === 0) continue;
  const text = editFrontMatter(file.text, edits);
  named += edits.length;
  files++;
  const rel = file.path.slice('content/'.length);
  if (!options['dry-run']) await writeContentFile(contentDir, rel, text, { overwrite: true, backupStamp: stamp });
  console.log(`${file.path}：${edits.length} 个数值记下了所在的格`);
}
console.log(`${options['dry-run'] ? '（试运行，未写入）' : ''}共 ${files} 个文件、${named} 个数值。`);
