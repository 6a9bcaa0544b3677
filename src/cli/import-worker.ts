/** A worker of the import pool: imports one file per message and sends back the result or the error. */
import { parentPort, workerData } from 'node:worker_threads';
import type { AgencyRecord } from '../lib/importer/publisher/report-year.ts';
import { importFile, reportFileText, type ImportOptions } from '../lib/importer/import-report.ts';

const { agencies } = workerData as { agencies: AgencyRecord[] };

parentPort!.on('message', async (job: { id: number; path: string; bytes: Uint8Array; options: Omit<ImportOptions, 'agencies'> }) => {
  try {
    const report = await importFile(job.path, job.bytes, { ...job.options, agencies });
    parentPort!.postMessage({ id: job.id, report, text: reportFileText(report, new Date().toISOString().slice(0, 10)) });
  } catch (error) {
    parentPort!.postMessage({ id: job.id, error: error instanceof Error ? error.message : String(error) });
  }
});
