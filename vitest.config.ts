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
    projects: [
      {
        resolve: { alias },
        test: { name: 'clinical', include: ['packages/clinical/src/**/*.test.ts'] },
      },
      {
        resolve: { alias },
        test: {
          name: 'server',
          include: ['packages/server/src/**/*.test.ts'],
          globalSetup: ['packages/server/src/test-support/global-setup.ts'],
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
