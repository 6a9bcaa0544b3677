/** Running a build as a child process: wall time per phase (from its log) and peak RSS of its process tree. */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { stripAnsi } from '../ansi.ts';

/** What a process of a build is, from its command line: the script it runs ("astro.mjs", "search-index.ts"), else the program; and the part it builds. */
export function processLabel(pid: number): string {
  try {
    const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
    const script = args.slice(1).find((a) => /\.(m?js|ts)$/.test(a));
    const name = (script ?? args[0] ?? '?').split('/').at(-1)!;
    // A part of a build in parts (src/build/parts.ts) is named with its part: "astro.mjs reports:2/4".
    const part = /(?:^|\0)NIANBAO_PART=([^\0]*)/.exec(readFileSync(`/proc/${pid}/environ`, 'utf8'))?.[1];
    return part ? `${name} ${part}` : name;
  } catch {
    return '?';
  }
}

/** Resident memory of each process of a tree, with its label (`processLabel`). */
export function treeRssByProcess(root: number): Map<number, { label: string; rss: number }> {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // the process ended meanwhile
    }
  }
  const tree = new Set([root]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [pid, ppid] of parents) if (tree.has(ppid) && !tree.has(pid)) { tree.add(pid); grew = true; }
  }
  const result = new Map<number, { label: string; rss: number }>();
  for (const pid of tree) {
    try {
      const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
      result.set(pid, { label: processLabel(pid), rss: Number(kb ?? 0) * 1024 });
    } catch {
      // ended
    }
  }
  return result;
}

export interface Phase {
  name: string;
  /** A log line that starts this phase. */
  startsAt: RegExp;
}

export interface PhaseResult {
  name: string;
  seconds: number;
  peakRss: number;
}

/** A budget a run is stopped at, so a size that cannot fit is measured (how far it got) instead of run for hours or into the OOM killer. */
export interface Limits {
  seconds?: number;
  rssBytes?: number;
}

/** Why and where a run was stopped. */
export interface Stopped {
  reason: 'time' | 'memory';
  /** Seconds since the start when it was stopped. */
  at: number;
  /** The phase it was in ('' for a run measured without phases). */
  phase: string;
}

export interface RunResult {
  seconds: number;
  /** Peak of the whole tree's resident memory, sampled every 100 ms. */
  peakRss: number;
  /** Peak resident memory of each kind of process in the tree (by `processLabel`: "astro.mjs", "search-index.ts" …). */
  processPeaks: Record<string, number>;
  phases: PhaseResult[];
  output: string;
  status: number | null;
  /** The signal that ended it, when one did (e.g. SIGABRT when V8 runs out of heap). */
  signal: NodeJS.Signals | null;
  /** Set when the run went over a limit and was killed. */
  stopped?: Stopped;
}

/**
 * Run a command, attributing time and peak RSS to the phase announced by the last
 * matching log line. Past a limit the whole process group is killed and the
 * result says where it was.
 */
export function runMeasured(command: string, args: string[], env: NodeJS.ProcessEnv, phases: readonly Phase[], cwd: string, limits: Limits = {}): Promise<RunResult> {
  return new Promise((resolve) => {
    const started = performance.now();
    // Own process group, so a stop also ends the workers it spawned.
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let stopped: Stopped | undefined;
    // Its own group no longer receives the terminal's Ctrl-C: pass it on.
    const interrupt = () => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } finally {
        process.exit(130);
      }
    };
    process.once('SIGINT', interrupt);
    const results: PhaseResult[] = [{ name: phases[0]?.name ?? '', seconds: 0, peakRss: 0 }];
    let phaseStart = started;
    let peak = 0;
    const processPeaks: Record<string, number> = {};
    let output = '';
    // Whole lines only (a chunk may end inside a line, or inside a colour code), without colour codes.
    let partial = '';
    const onData = (chunk: Buffer) => {
      const lines = (partial + chunk.toString()).split('\n');
      partial = lines.pop()!;
      for (const raw of lines) {
        const line = stripAnsi(raw);
        output += `${line}\n`;
        const next = phases.find((p) => p.startsAt.test(line) && p.name !== results.at(-1)!.name && !results.some((r) => r.name === p.name));
        if (!next) continue;
        const now = performance.now();
        results.at(-1)!.seconds = (now - phaseStart) / 1000;
        phaseStart = now;
        results.push({ name: next.name, seconds: 0, peakRss: 0 });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    const stop = (reason: Stopped['reason'], at: number) => {
      if (stopped) return;
      stopped = { reason, at, phase: results.at(-1)!.name };
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
    };
    // Sampled at once and then every 100 ms. The clock is read before /proc is scanned, so a limit
    // of 0 s stops the child as it starts: a stop is reproducible whatever the machine's speed.
    const sample = () => {
      const elapsed = (performance.now() - started) / 1000;
      if (limits.seconds !== undefined && elapsed >= limits.seconds) stop('time', elapsed);
      const processes = treeRssByProcess(child.pid!);
      const rss = [...processes.values()].reduce((a, p) => a + p.rss, 0);
      for (const { label, rss: own } of processes.values()) processPeaks[label] = Math.max(processPeaks[label] ?? 0, own);
      peak = Math.max(peak, rss);
      const current = results.at(-1)!;
      current.peakRss = Math.max(current.peakRss, rss);
      if (limits.rssBytes !== undefined && rss > limits.rssBytes) stop('memory', elapsed);
    };
    sample();
    const timer = setInterval(sample, 100);
    child.on('close', (status, signal) => {
      clearInterval(timer);
      if (partial) output += stripAnsi(partial);
      process.off('SIGINT', interrupt);
      const now = performance.now();
      results.at(-1)!.seconds = (now - phaseStart) / 1000;
      resolve({ seconds: (now - started) / 1000, peakRss: peak, processPeaks, phases: results, output, status, signal, ...(stopped ? { stopped } : {}) });
    });
  });
}
