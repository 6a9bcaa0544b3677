/**
 * `Promise.all(items.map(fn))` with at most `limit` calls in flight, results in
 * input order. Opening every file of a large archive at once runs out of file
 * descriptors (EMFILE at 100,000 reports); a bounded pool is as fast on disk.
 */
export async function mapBounded<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}

/** Files a reader keeps open at once. */
export const OPEN_FILES = 256;

/**
 * Call `fn` on each item of a (lazy) iterable with at most `limit` calls in flight, taking the next item
 * only when a call ends: at most `limit` items are held at once. Rejects with the first failure.
 */
export async function forEachBounded<T>(items: Iterable<T>, limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  const iterator = items[Symbol.iterator]();
  let failed = false;
  const worker = async () => {
    // One shared iterator: next() is synchronous, so no two workers take the same item.
    for (let step = iterator.next(); !step.done && !failed; step = iterator.next()) {
      try {
        await fn(step.value);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, limit) }, worker));
}
