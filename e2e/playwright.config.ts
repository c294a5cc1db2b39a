import { execFileSync } from 'node:child_process';
import { defineConfig } from '@playwright/test';

/**
 * End-to-end journeys against the real product: `node packages/server/dist/main.js` (built by the
 * caller with `npm run build`) on a free port, with a fresh data directory and a fresh database,
 * driven by Debian's Chromium. The port is chosen once and passed to the workers through the
 * environment, so every process agrees on it.
 */
const FREE_PORT = `const s = require('node:net').createServer();
s.listen(0, '127.0.0.1', () => { process.stdout.write(String(s.address().port)); s.close(); });`;

process.env.UC_E2E_PORT ??= execFileSync(process.execPath, ['-e', FREE_PORT], { encoding: 'utf8' }).trim();
const port = process.env.UC_E2E_PORT;
const baseURL = `http://localhost:${port}`;

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  // Date and number fields follow the browser's language: en-GB shows dd/mm/yyyy, as our users see.
  '--lang=en-GB',
];

export default defineConfig({
  testDir: './tests',
  globalSetup: './global-setup.ts',
  // Spec files run two at a time (each on a server and database of its own; journeys.spec.ts alone
  // uses the shared one); the tests inside a file keep their order. A run spends most of its time
  // waiting on pages, not computing: one worker kept two cores about a third busy.
  fullyParallel: false,
  workers: 2,
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 90_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  outputDir: '../test-results/e2e',
  use: {
    baseURL,
    locale: 'en-GB',
    timezoneId: 'Europe/London',
    viewport: { width: 1280, height: 800 },
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [{ name: 'chromium' }],
  webServer: {
    command: 'node start-server.mjs',
    url: `http://127.0.0.1:${port}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'pipe',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 20_000 },
    env: {
      PORT: port,
      HOST: '127.0.0.1',
      UNDERCURRENT_PUBLIC_URL: baseURL,
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    },
  },
});
