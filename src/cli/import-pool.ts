/**
 * Importing many files on every core: a pool of workers, one file each at a
 * time, results in input order. Importing is CPU-bound (HTML parsing and
 * conversion), so a pool of `availableParallelism()` workers multiplies throughput.
 *
 * A file that breaks its worker (out of memory, a crash, a stage that never
 * returns) is refused alone: its worker is replaced and the other files of the
 * batch go on. Each worker's heap is capped (WORKER_HEAP_MB) so one file cannot
 * take the machine with it, and each file has a hard time limit above the
 * importer's own (INPUT_LIMITS.seconds, checked inside the worker).
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { AgencyRecord } from '../lib/importer/publisher/report-year.ts';
import type { ImportedReport, ImportOptions } from '../lib/importer/import-report.ts';
import { INPUT_LIMITS } from '../lib/importer/inputs/limits.ts';

export interface PoolJob {
  path: string;
  bytes: Uint8Array;
}

export type PoolResult = { report: ImportedReport; text: string; error?: undefined } | { error: string; report?: undefined; text?: undefined };

/** The heap one import worker may use: past it the worker dies alone and its file is refused. */
export const WORKER_HEAP_MB = 1024;

export interface PoolOptions {
  size?: number;
  /** Seconds after which a file whose worker has not answered is refused and its worker replaced. */
  hardSeconds?: number;
  /** Heap cap of each worker, in MB. */
  heapMb?: number;
}

export async function importAll(
  jobs: readonly PoolJob[],
  agencies: readonly AgencyRecord[],
  options: Omit<ImportOptions, 'agencies'>,
  onDone?: (done: number) => void,
  pool: PoolOptions = {},
): Promise<PoolResult[]> {
  const size = pool.size ?? Math.min(availableParallelism(), Math.max(1, jobs.length));
  const seconds = options.limits?.seconds ?? INPUT_LIMITS.seconds;
  // The worker's own deadline speaks first, with a precise message; this one only catches a stage that never returns.
  const hardMs = (pool.hardSeconds ?? seconds * 1.5 + 15) * 1000;
  const heapMb = pool.heapMb ?? WORKER_HEAP_MB;
  const results: PoolResult[] = new Array(jobs.length);
  let next = 0;
  let done = 0;

  const runWorker = () =>
    new Promise<void>((resolve) => {
      const worker = new Worker(new URL('./import-worker.ts', import.meta.url), {
        workerData: { agencies },
        resourceLimits: { maxOldGenerationSizeMb: heapMb },
      });
      let current = -1;
      let timer: NodeJS.Timeout | undefined;
      let finished = false;
      const settle = (id: number, result: PoolResult) => {
        if (timer) clearTimeout(timer);
        if (results[id] === undefined) {
          results[id] = result;
          onDone?.(++done);
        }
      };
      const feed = () => {
        if (next >= jobs.length) {
          finished = true;
          void worker.terminate().then(() => resolve());
          return;
        }
        current = next++;
        const job = jobs[current]!;
        // Hand the bytes over rather than copying them; a view into a shared buffer is copied first.
        const own = job.bytes.byteOffset === 0 && job.bytes.byteLength === job.bytes.buffer.byteLength ? job.bytes : new Uint8Array(job.bytes);
        timer = setTimeout(() => fail(`超过每个文件 ${Math.round(hardMs / 1000)} 秒的硬性时间上限，导入被中止`), hardMs);
        worker.postMessage({ id: current, path: job.path, bytes: own, options }, [own.buffer as ArrayBuffer]);
      };
      // The worker broke on the current file: refuse that file, and carry on with a new worker.
      const fail = (why: string) => {
        if (finished) return;
        finished = true;
        if (current >= 0) settle(current, { error: why });
        worker.removeAllListeners();
        worker.on('error', () => {});
        void worker.terminate().then(() => runWorker().then(resolve));
      };
      worker.on('message', (message: PoolResult & { id: number }) => {
        const { id, ...result } = message;
        settle(id, result as PoolResult);
        feed();
      });
      worker.on('error', (error: Error & { code?: string }) =>
        fail(error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? `导入时内存超过每个文件 ${heapMb} MB 的上限（文件可能是“压缩炸弹”或异常庞大）：不导入`
          : `导入时工作线程出错：${error.message}`),
      );
      worker.on('exit', (code) => fail(`导入时工作线程意外退出（代码 ${code}）`));
      feed();
    });

  await Promise.all(Array.from({ length: Math.min(size, Math.max(1, jobs.length)) }, runWorker));
  return results;
}
