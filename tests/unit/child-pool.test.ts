import { describe, expect, it } from 'vitest';
import { inPool, type Child } from '../../src/cli/child-pool.ts';

/** A child that ends when told to, recording its start and whether it was stopped. */
function fakeChildren(n: number) {
  const log: string[] = [];
  const ends: ((code: number) => void)[] = [];
  const steps = Array.from({ length: n }, (_, i) => (): Child => {
    log.push(`start ${i}`);
    let end!: (code: number) => void;
    const exited = new Promise<number>((done) => (end = done));
    ends[i] = end;
    return { exited, stop: () => (log.push(`stop ${i}`), end(143)) };
  });
  return { log, steps, end: async (i: number, code = 0) => (ends[i]!(code), await new Promise((r) => setTimeout(r, 0))) };
}

describe('inPool', () => {
  it('runs as many at once as the slots allow, and more when woken after the slots grew', async () => {
    const { log, steps, end } = fakeChildren(4);
    let slots = 1;
    const pool = inPool(steps, () => slots);
    expect(log).toEqual(['start 0']);
    await end(0);
    expect(log).toEqual(['start 0', 'start 1']);
    slots = 2;
    pool.wake();
    expect(log).toEqual(['start 0', 'start 1', 'start 2']);
    await end(1);
    await end(2);
    expect(log).toEqual(['start 0', 'start 1', 'start 2', 'start 3']);
    await end(3);
    await expect(pool.exited).resolves.toBe(0);
  });

  it('runs one at a time when no slot is free, never none', async () => {
    const { log, steps, end } = fakeChildren(2);
    const pool = inPool(steps, () => 0);
    expect(log).toEqual(['start 0']);
    await end(0);
    await end(1);
    await expect(pool.exited).resolves.toBe(0);
  });

  it('ends with the code of the first that fails, stopping the others and starting no more', async () => {
    const { log, steps, end } = fakeChildren(4);
    const pool = inPool(steps, () => 2);
    await end(1, 2);
    expect(log).toEqual(['start 0', 'start 1', 'stop 0']);
    await expect(pool.exited).resolves.toBe(2);
  });

  it('stopped, stops those running and ends as failed', async () => {
    const { log, steps } = fakeChildren(3);
    const pool = inPool(steps, () => 1);
    pool.stop();
    await expect(pool.exited).resolves.toBe(1);
    expect(log).toEqual(['start 0', 'stop 0']);
  });
});
