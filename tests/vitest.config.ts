import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    include: ['tests/**/*.test.ts'],
    // Build tests read dist/, which `npm test` builds first.
    testTimeout: 30_000,
  },
});
