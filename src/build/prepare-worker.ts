/** A worker of the prepare pool: renders the report files it is sent and writes each into the store. */
import { parentPort, workerData } from 'node:worker_threads';
import { prepareReport } from '../lib/prepare/prepare-report.ts';
import { PreparedStore } from './prepared-store.ts';
import { createRenderer } from './render-markdown.ts';
import type { PrepareJob } from './prepare-content.ts';

const store = new PreparedStore((workerData as { storeDir: string }).storeDir);
const render = await createRenderer();
parentPort!.on('message', async (jobs: PrepareJob[]) => {
  try {
    for (const job of jobs) store.write(job.key, await prepareReport(job.file, render));
    parentPort!.postMessage({ done: jobs.length });
  } catch (error) {
    parentPort!.postMessage({ error: error instanceof Error ? error.stack ?? error.message : String(error) });
  }
});
