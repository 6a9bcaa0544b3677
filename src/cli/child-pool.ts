/**
 * Child processes as one: a pool that runs them from a queue, as many at once
 * as a number that may change while it runs (the cores a build's other steps
 * leave free).
 */

/** A child process of the build: its exit code once it ends, and a way to stop it. */
export interface Child {
  exited: Promise<number>;
  stop(): void;
}

/** A child that runs others from a queue; `wake` asks it to start more when `slots` may have grown. */
export interface Pool extends Child {
  wake(): void;
}

/**
 * Children run from a queue, as one child: as many at once as `slots()` allows (at least one), asked again
 * whenever one ends and on `wake`. It ends with the first that fails (stopping the others), and stopping
 * it stops those running.
 */
export function inPool(steps: readonly (() => Child)[], slots: () => number): Pool {
  const queue = [...steps];
  const running = new Set<Child>();
  let failed = 0;
  let stopped = false;
  let settle!: (code: number) => void;
  const exited = new Promise<number>((done) => (settle = done));
  const fill = () => {
    if (failed || stopped) queue.length = 0;
    while (queue.length && running.size < Math.max(1, slots())) {
      const child = queue.shift()!();
      running.add(child);
      void child.exited.then((code) => {
        running.delete(child);
        if (code !== 0 && !failed && !stopped) {
          failed = code;
          for (const other of running) other.stop();
        }
        fill();
      });
    }
    if (!queue.length && !running.size) settle(failed || (stopped ? 1 : 0));
  };
  fill();
  return {
    exited,
    wake: fill,
    stop: () => {
      stopped = true;
      for (const child of running) child.stop();
      fill();
    },
  };
}
