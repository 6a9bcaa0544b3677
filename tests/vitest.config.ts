import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    include: ['tests/**/*.test.ts'],
    // Build tests read dist/, which `npm test` builds first.
    // Time-outs only catch a hang; they are never a speed check, so they are far above any run
    // (builds inside tests take minutes on a slow machine). No test sets a tighter one.
    testTimeout: 900_000,
    hookTimeout: 900_000,
  },
});
