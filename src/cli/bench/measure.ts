/** Running a build as a child process: wall time per phase (from its log) and peak RSS of its process tree. */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { stripAnsi } from '../ansi.ts';

/** Resident memory of a process and all its descendants, in bytes (Linux /proc). */
export function treeRss(root: number): number {
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
  let total = 0;
  for (const pid of tree) {
    try {
      const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
      total += Number(kb ?? 0) * 1024;
    } catch {
      // ended
    }
  }
  return total;
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
  peakRss: number;
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
      const rss = treeRss(child.pid!);
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
      resolve({ seconds: (now - started) / 1000, peakRss: peak, phases: results, output, status, signal, ...(stopped ? { stopped } : {}) });
    });
  });
}
