/**
 * The prepare step's worker loop: each worker is handed the next task as soon as
 * it answers the last, so a slow task never holds up the others. (The importer's
 * pool, src/cli/import-pool.ts, has its own: it replaces a worker that breaks on a
 * file instead of stopping.)
 */
import type { Worker } from 'node:worker_threads';

/**
 * Run tasks 0 … count−1 on `workers`. `send` posts task `task` to a worker; the worker's next message is
 * its answer, passed to `receive` (which may throw to stop the pool). Resolves once every task is
 * answered; the workers are terminated whatever happens.
 */
export async function runOnWorkers(
  workers: readonly Worker[],
  count: number,
  send: (worker: Worker, task: number) => void,
  receive: (message: unknown, task: number) => void,
): Promise<void> {
  let next = 0;
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            let current = -1;
            const feed = () => {
              if (next >= count) return resolve();
              current = next++;
              send(worker, current);
            };
            worker.on('message', (message: unknown) => {
              try {
                receive(message, current);
                feed();
              } catch (error) {
                reject(error);
              }
            });
            worker.on('error', reject);
            worker.on('exit', (code) => code !== 0 && reject(new Error(`worker exited with code ${code}`)));
            feed();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
