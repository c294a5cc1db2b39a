import os from 'node:os';
import { defineConfig } from 'vitest/config';

const source = (path: string) => new URL(path, import.meta.url).pathname;
// Exact matches: `@undercurrent/clinical/patterns` (the text pipeline, server side) is its own entry.
const alias = [
  { find: /^@undercurrent\/clinical\/patterns$/, replacement: source('./packages/clinical/src/patterns/index.ts') },
  { find: /^@undercurrent\/clinical$/, replacement: source('./packages/clinical/src/index.ts') },
];

export default defineConfig({
  resolve: { alias },
  test: {
    // Vitest's default on two cores is one worker; the integration tests mostly wait on PostgreSQL,
    // so two workers there halve the run (313 s → 165 s). Every file has its own practice.
    maxWorkers: Math.max(2, os.availableParallelism() - 1),
    projects: [
      {
        resolve: { alias },
        test: { name: 'clinical', include: ['packages/clinical/src/**/*.test.ts'], isolate: false },
      },
      {
        resolve: { alias },
        test: {
          name: 'server',
          include: ['packages/server/src/**/*.test.ts'],
          globalSetup: ['packages/server/src/test-support/global-setup.ts'],
          // Every file builds its own app and practice, so files need no fresh module registry each:
          // importing the server once per worker instead of once per file took the run's summed
          // import time from ≈ 780 s to ≈ 47 s (2 cores).
          isolate: false,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        resolve: { alias },
        test: { name: 'web', include: ['packages/web/src/**/*.test.{ts,tsx}'] },
      },
    ],
  },
});
