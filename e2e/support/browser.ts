import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';

export interface Watched {
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught exceptions seen so far (CSP violations show up here). */
  problems: string[];
}

/**
 * A fresh browser context (its own cookies: a different person or device) whose page reports
 * Content-Security-Policy violations, console errors and uncaught exceptions.
 */
export async function openPerson(browser: Browser, baseURL: string, viewport = { width: 1280, height: 800 }) {
  const context = await browser.newContext({ baseURL, locale: 'en-GB', timezoneId: 'Europe/London', viewport });
  const page = await context.newPage();
  const watched: Watched = { context, page, problems: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') watched.problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => watched.problems.push(`page error: ${error.message}`));
  return watched;
}

/**
 * Console errors the app caused. A 4xx the app expected and handled (a wrong password, a probe of
 * /api/me while signed out) is logged by Chromium as a failed resource; those are not the app's fault.
 */
export function expectNoPageProblems(watched: Watched): void {
  const real = watched.problems.filter(
    (p) => !/Failed to load resource: the server responded with a status of 4\d\d/.test(p),
  );
  expect(real, 'console errors, CSP violations or uncaught exceptions').toEqual([]);
}
