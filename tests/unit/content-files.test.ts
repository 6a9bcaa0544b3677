/** Reading a large content folder: bounded concurrency, order kept, no EMFILE. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { forEachBounded, mapBounded } from '../../src/cli/map-bounded.ts';
import { ROOT } from '../helpers/content.ts';

describe('mapBounded', () => {
  it('keeps input order and never has more than `limit` calls in flight', async () => {
    let inFlight = 0;
    let most = 0;
    const out = await mapBounded([5, 1, 4, 2, 3, 0, 6], 3, async (n, i) => {
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise((r) => setTimeout(r, n * 3));
      inFlight--;
      return `${i}:${n}`;
    });
    expect(out).toEqual(['0:5', '1:1', '2:4', '3:2', '4:3', '5:0', '6:6']);
    expect(most).toBe(3);
  });

  it('handles an empty list and passes errors on', async () => {
    await expect(mapBounded([], 4, async () => 1)).resolves.toEqual([]);
    await expect(mapBounded([1, 2], 2, async (n) => { if (n === 2) throw new Error('bad 2'); return n; })).rejects.toThrow('bad 2');
  });
});

describe('forEachBounded', () => {
  it('takes items from a lazy iterable only as calls end, never more than `limit` at once, each once', async () => {
    let taken = 0;
    let inFlight = 0;
    let most = 0;
    const seen: number[] = [];
    function* items() {
      for (let n = 0; n < 20; n++) {
        taken++;
        // Never more items taken than calls ended plus the calls in flight.
        expect(taken - seen.length).toBeLessThanOrEqual(4);
        yield n;
      }
    }
    await forEachBounded(items(), 4, async (n) => {
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise((r) => setTimeout(r, (n % 3) * 2));
      inFlight--;
      seen.push(n);
    });
    expect(seen.sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, n) => n));
    expect(most).toBe(4);
  });

  it('stops taking items after a failure and passes the error on', async () => {
    const seen: number[] = [];
    await expect(forEachBounded([1, 2, 3, 4, 5, 6], 1, async (n) => { seen.push(n); if (n === 2) throw new Error('bad 2'); })).rejects.toThrow('bad 2');
    expect(seen).toEqual([1, 2]);
    await expect(forEachBounded([], 3, async () => {})).resolves.toBeUndefined();
  });
});

describe('readContentFiles', () => {
  it('reads more files than the process may have open at once (EMFILE at 100,000 reports)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-many-'));
    try {
      for (let a = 0; a < 20; a++) {
        mkdirSync(join(dir, 'content/reports', `a${a}`), { recursive: true });
        for (let y = 0; y < 100; y++) writeFileSync(join(dir, 'content/reports', `a${a}`, `${1900 + y}.md`), `${a}-${y}`);
      }
      const script = `import { readContentFiles } from ${JSON.stringify(join(ROOT, 'src/build/content-files.ts'))};
const files = await readContentFiles(${JSON.stringify(dir)});
console.log(files.length, files[0].path, files[0].text, files.at(-1).path);`;
      // 2000 files with at most 400 descriptors: reading them all at once fails with EMFILE.
      const run = spawnSync('bash', ['-c', `ulimit -n 400 && exec "${process.execPath}" --input-type=module -e '${script}'`], { encoding: 'utf8' });
      expect(run.stderr).not.toContain('EMFILE');
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout.trim()).toBe('2000 content/reports/a0/1900.md 0-0 content/reports/a9/1999.md');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
