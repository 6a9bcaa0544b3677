/**
 * Preparing on every core: rendering Markdown is CPU-bound, so the reports to
 * render are split among `availableParallelism()` workers, in batches (one
 * message per report would cost more than a small report's rendering).
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { runOnWorkers } from '../cli/worker-pool.ts';
import type { PrepareJob } from './prepare-content.ts';
import type { PreparedStore } from './prepared-store.ts';

const BATCH = 50;

export function preparePool(size = availableParallelism(), onProgress?: (done: number, total: number) => void) {
  return async (jobs: readonly PrepareJob[], store: PreparedStore): Promise<void> => {
    if (!jobs.length) return;
    const batches: PrepareJob[][] = [];
    for (let i = 0; i < jobs.length; i += BATCH) batches.push(jobs.slice(i, i + BATCH));
    const workers = Array.from({ length: Math.min(size, batches.length) }, () => new Worker(new URL('./prepare-worker.ts', import.meta.url), { workerData: { storeDir: store.dir } }));
    let done = 0;
    await runOnWorkers(
      workers,
      batches.length,
      (worker, task) => worker.postMessage(batches[task]),
      (message) => {
        const answer = message as { done: number; error?: undefined } | { error: string };
        if (answer.error !== undefined) throw new Error(answer.error);
        done += answer.done;
        onProgress?.(done, jobs.length);
      },
    );
  };
}
