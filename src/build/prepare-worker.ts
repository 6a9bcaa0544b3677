/** A worker of the prepare pool: renders the report files it is sent and writes each into the store. */
import { parentPort, workerData } from 'node:worker_threads';
import { createBodyRenderer } from '../lib/markdown/processor.ts';
import { prepareReport } from '../lib/prepare/prepare-report.ts';
import { PreparedStore } from './prepared-store.ts';
import { readJob, type PrepareJob } from './prepare-content.ts';

const store = new PreparedStore((workerData as { storeDir: string }).storeDir);
const render = createBodyRenderer();
parentPort!.on('message', async (jobs: PrepareJob[]) => {
  try {
    for (const job of jobs) store.write(job.key, await prepareReport(readJob(job), render));
    parentPort!.postMessage({ done: jobs.length });
  } catch (error) {
    parentPort!.postMessage({ error: error instanceof Error ? error.stack ?? error.message : String(error) });
  }
});
