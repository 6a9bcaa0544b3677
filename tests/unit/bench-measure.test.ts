/**
 * runMeasured, the benchmark's way of running a build: phases from the log, and a
 * stop at a limit that ends the whole process group. The children here are small
 * node scripts built so that the outcome never depends on the machine's speed:
 * one that can never finish, one that can only pass the memory limit after it
 * has started a grandchild.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { processLabel, runMeasured, type Phase } from '../../src/cli/bench/measure.ts';
import { queryPart } from '../../src/cli/bench/query-part.ts';

const PHASES: Phase[] = [
  { name: '一', startsAt: /^one$/ },
  { name: '二', startsAt: /^two$/ },
];

const node = (script: string, limits = {}) => runMeasured(process.execPath, ['-e', script], process.env, PHASES, process.cwd(), limits);

/** Processes whose command line holds `marker` (Linux /proc). */
function processesWith(marker: string): number[] {
  return readdirSync('/proc')
    .filter((e) => /^\d+$/.test(e))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(marker);
      } catch {
        return false;
      }
    })
    .map(Number);
}

describe('runMeasured', () => {
  it('attributes a run to the phases its log announces', async () => {
    const run = await node("console.log('one'); console.log('noise'); console.log('two'); console.log('one');");
    expect(run.status).toBe(0);
    expect(run.stopped).toBeUndefined();
    expect(run.phases.map((p) => p.name)).toEqual(['一', '二']);
    expect(run.output).toBe('one\nnoise\ntwo\none\n');
  });

  it('stops a run that reaches its time limit, and says so', async () => {
    // Never finishes on its own: only the limit can end it.
    const run = await node('setInterval(() => {}, 1000);', { seconds: 0.3 });
    expect(run.stopped).toMatchObject({ reason: 'time', phase: '一' });
    expect(run.stopped!.at).toBeGreaterThanOrEqual(0.3);
    expect(run.signal).toBe('SIGKILL');
  });

  it('stops a run at a limit of 0 s, however quickly it would have finished', async () => {
    const run = await node("console.log('one');", { seconds: 0 });
    expect(run.stopped).toMatchObject({ reason: 'time', phase: '一' });
    expect(run.signal).toBe('SIGKILL');
  });

  it('past the memory limit, ends the whole process group, grandchildren too', async () => {
    const marker = `nianbao-grandchild-${process.pid}-${Date.now()}`;
    // The grandchild is started first; only then does the child grow past the limit, so the stop
    // always finds it running.
    const script = `
      const { spawn } = require('node:child_process');
      spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)', '${marker}'], { stdio: 'ignore' });
      const hold = Buffer.alloc(600 * 1024 * 1024, 1);
      setInterval(() => hold[0]++, 1000);`;
    const run = await node(script, { rssBytes: 400 * 1024 * 1024 });
    expect(run.stopped).toMatchObject({ reason: 'memory', phase: '一' });
    expect(run.peakRss).toBeGreaterThan(400 * 1024 * 1024);
    // SIGKILL is delivered to the group at once; give the kernel a moment to take the process away.
    for (let i = 0; i < 100 && processesWith(marker).length > 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(processesWith(marker), 'the grandchild is gone').toEqual([]);
  });
});

describe('processLabel', () => {
  it('names a process by its script, and a part of a build in parts by its part too', async () => {
    // Each child waits for its stdin to close, so it is running while it is looked at.
    const start = (env: NodeJS.ProcessEnv) => spawn(process.execPath, ['-e', "process.stdin.resume(); process.stdin.on('end', () => process.exit(0));"], { env, stdio: ['pipe', 'ignore', 'ignore'] });
    const plain = start({ PATH: process.env['PATH'] });
    const part = start({ PATH: process.env['PATH'], NIANBAO_PART: 'reports:2/4' });
    try {
      expect(processLabel(plain.pid!)).toBe(process.execPath.split('/').at(-1));
      expect(processLabel(part.pid!)).toBe(`${process.execPath.split('/').at(-1)} reports:2/4`);
    } finally {
      plain.stdin!.end();
      part.stdin!.end();
    }
  });
});

describe('queryPart', () => {
  it('sorts the requests of a search by the part of the bundle they load, in the primary index and in merged ones', () => {
    const part = (path: string) => queryPart(`http://127.0.0.1:8080${path}`);
    expect(part('/pagefind/pagefind.js')).toBe('runtime');
    expect(part('/pagefind/pagefind-worker.js')).toBe('runtime');
    expect(part('/pagefind/wasm.unknown.pagefind')).toBe('runtime');
    expect(part('/pagefind/2008-2015/wasm.unknown.pagefind')).toBe('runtime');
    expect(part('/pagefind/2008-2015/pagefind-worker.js')).toBe('runtime');
    expect(part('/pagefind/pagefind-entry.json')).toBe('meta');
    expect(part('/pagefind/2008-2015/pagefind-entry.json')).toBe('meta');
    expect(part('/pagefind/2008-2015/pagefind.zh-cn_1a2b3c.pf_meta')).toBe('meta');
    expect(part('/pagefind/index/zh-cn_1a2b.pf_index')).toBe('index');
    expect(part('/pagefind/2008-2015/index/zh-cn_1a2b.pf_index')).toBe('index');
    expect(part('/pagefind/2008-2015/fragment/zh-cn_9f.pf_fragment')).toBe('fragment');
    expect(part('/pagefind/2016-2016/filter/zh-cn_77.pf_filter')).toBe('filter');
    expect(part('/search/')).toBe('other');
  });
});
