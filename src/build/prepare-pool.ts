/**
 * Preparing on every core: rendering Markdown is CPU-bound, so the reports to
 * render are split among `availableParallelism()` workers, in batches (one
 * message per report would cost more than a small report's rendering).
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { PrepareJob } from './prepare-content.ts';
import type { PreparedStore } from './prepared-store.ts';

const BATCH = 50;

export function preparePool(size = availableParallelism(), onProgress?: (done: number, total: number) => void) {
  return async (jobs: readonly PrepareJob[], store: PreparedStore): Promise<void> => {
    if (!jobs.length) return;
    const batches: PrepareJob[][] = [];
    for (let i = 0; i < jobs.length; i += BATCH) batches.push(jobs.slice(i, i + BATCH));
    const workers = Array.from({ length: Math.min(size, batches.length) }, () => new Worker(new URL('./prepare-worker.ts', import.meta.url), { workerData: { storeDir: store.dir } }));
    let next = 0;
    let done = 0;
    try {
      await Promise.all(
        workers.map(
          (worker) =>
            new Promise<void>((resolve, reject) => {
              const feed = () => (next < batches.length ? worker.postMessage(batches[next++]) : resolve());
              worker.on('message', (message: { done: number; error?: undefined } | { error: string }) => {
                if (message.error !== undefined) return reject(new Error(message.error));
                done += message.done;
                onProgress?.(done, jobs.length);
                feed();
              });
              worker.on('error', reject);
              worker.on('exit', (code) => code !== 0 && reject(new Error(`prepare worker exited with code ${code}`)));
              feed();
            }),
        ),
      );
    } finally {
      await Promise.all(workers.map((w) => w.terminate()));
    }
  };
}
