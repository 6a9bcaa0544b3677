/**
 * Importing many files on every core: a pool of workers, one file each at a
 * time, results in input order. Importing is CPU-bound (HTML parsing and
 * conversion), so a pool of `availableParallelism()` workers multiplies throughput.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { runOnWorkers } from './worker-pool.ts';
import type { AgencyRecord } from '../lib/importer/publisher/report-year.ts';
import type { ImportedReport, ImportOptions } from '../lib/importer/import-report.ts';

export interface PoolJob {
  path: string;
  bytes: Uint8Array;
}

export type PoolResult = { report: ImportedReport; text: string; error?: undefined } | { error: string; report?: undefined; text?: undefined };

export async function importAll(
  jobs: readonly PoolJob[],
  agencies: readonly AgencyRecord[],
  options: Omit<ImportOptions, 'agencies'>,
  onDone?: (done: number) => void,
  size = Math.min(availableParallelism(), Math.max(1, jobs.length)),
): Promise<PoolResult[]> {
  const results: PoolResult[] = new Array(jobs.length);
  const workers = Array.from({ length: size }, () => new Worker(new URL('./import-worker.ts', import.meta.url), { workerData: { agencies } }));
  let done = 0;
  await runOnWorkers(
    workers,
    jobs.length,
    (worker, id) => {
      // Hand the bytes over rather than copying them; a view into a shared buffer is copied first.
      const { bytes } = jobs[id]!;
      const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
      worker.postMessage({ id, path: jobs[id]!.path, bytes: own, options }, [own.buffer as ArrayBuffer]);
    },
    (message) => {
      const { id, ...result } = message as PoolResult & { id: number };
      results[id] = result as PoolResult;
      onDone?.(++done);
    },
  );
  return results;
}
