import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from '../support/accessibility';
import { expectNoPageProblems, openPerson, type Watched } from '../support/browser';
import { shot, signInWithPassword, type Person } from '../support/flows';
import { ownServerForFile } from '../support/own-server';
import { openFromMenu } from '../support/menu';
import { expectNoSidewaysScroll } from '../support/layout';

/**
 * Results end to end, at phone size, against the real server and PostgreSQL (the demo practice).
 * Dr Ruth Mensah opens Priya's Measures: the PHQ-9 chart (bands, cut-off) and its table of the same
 * numbers, and her episode's outcome; she shares the PHQ-9 chart. Priya sees that chart — and not
 * the GAD-7 one — under My progress. Morgan Ellis, the admin, opens the outcomes report (the demo's
 * three ended episodes), narrows the dates, and downloads the CSV, whose content is checked: the
 * figures and no names. Every page is checked with axe, in the light and dark theme.
 *
 * This file starts its own server with the demo practice seeded (e2e/start-server.mjs, UC_E2E_DEMO).
 */
test.describe.configure({ mode: 'serial' });

const PHONE = { width: 390, height: 844 };
const PASSWORD = 'northside demo morning light';
const morgan: Person = { name: 'Morgan Ellis', email: 'morgan.ellis@northside-demo.example', password: PASSWORD };
const ruth: Person = { name: 'Dr Ruth Mensah', email: 'ruth.mensah@northside-demo.example', password: PASSWORD };
const priya: Person = { name: 'Priya Nair', email: 'priya.nair@northside-demo.example', password: PASSWORD };

const sides: Watched[] = [];

const server = ownServerForFile({ demo: true });

test.afterAll(async () => {
  for (const side of sides) await side.context.close();
});

async function theme(p: Page, name: 'Dark' | 'Same as this device'): Promise<void> {
  await p.goto('/account');
  await p.getByRole('group', { name: 'Colours' }).getByRole('radio', { name }).check();
  if (name === 'Dark') await expect(p.locator('html')).toHaveAttribute('data-theme', 'dark');
}

async function menu(p: Page, link: string): Promise<void> {
  await openFromMenu(p, link);
}

test('Ruth sees Priya’s PHQ-9 chart with its bands and table, her episode’s outcome, and shares the chart', async ({
  browser,
}) => {
  test.slow(); // light and dark, axe on each, on a shared two-core machine
  const side = await openPerson(browser, server.origin, PHONE);
  sides.push(side);
  const p = side.page;
  await signInWithPassword(p, ruth);
  await menu(p, 'My clients');
  await p.getByRole('main').getByRole('link', { name: priya.name, exact: true }).click();
  await p.getByRole('link', { name: 'Measures' }).click();
  await expect(p.getByRole('heading', { level: 1, name: `Measures: ${priya.name}` })).toBeVisible();

  const phq9 = p.getByRole('region', { name: 'PHQ-9', exact: true });
  await expect(phq9.getByRole('img', { name: /^PHQ-9 over time/ })).toBeVisible();
  for (const band of ['Minimal', 'Mild', 'Moderate', 'Moderately severe', 'Severe']) {
    await expect(phq9.locator('svg text', { hasText: new RegExp(`^${band}$`) })).toHaveCount(1);
  }
  await expect(phq9.locator('svg text', { hasText: 'Cut-off 10' })).toHaveCount(1);
  // The demo's four PHQ-9 results (18 → 7), the same numbers in the table.
  const table = phq9.getByRole('table', { name: 'PHQ-9 results, the same numbers as the chart' });
  await expect(table.getByRole('row')).toHaveCount(5);
  await expect(table.getByRole('row').nth(1)).toContainText('18 / 27');
  await expect(table.getByRole('row').nth(1)).toContainText('Moderately severe');
  await expect(table.getByRole('row').nth(1)).toContainText('First result');
  await expect(table.getByRole('row').nth(4)).toContainText('7 / 27');
  await expect(table.getByRole('row').nth(4)).toContainText('Mild');
  await expect(table.getByRole('row').nth(4)).toContainText('-11, reliable improvement');
  await expect(phq9.locator('svg text', { hasText: '▼' }).first()).toBeVisible();

  const outcomes = p.getByRole('region', { name: 'Episode outcomes (NHS Talking Therapies)' });
  await expect(outcomes.getByText('Reliable recovery', { exact: true })).toBeVisible();
  await expectNoSidewaysScroll(p, 'the measures page with charts');
  await expectAccessible(p, 'the measures page with charts');
  await shot(p, 'results-therapist-charts-phone');

  const share = phq9.getByRole('switch', { name: `Share this chart with ${priya.name}` });
  await expect(share).not.toBeChecked();
  await share.click({ force: true });
  await expect(share).toBeChecked();
  await expect(phq9.getByText('Shown in the client’s portal.')).toBeVisible();
  await expect(
    p.getByRole('region', { name: 'GAD-7', exact: true }).getByRole('switch', { name: /^Share this chart/ }),
  ).not.toBeChecked();

  const path = new URL(p.url()).pathname;
  await theme(p, 'Dark');
  await p.goto(path);
  await expect(phq9.getByRole('img', { name: /^PHQ-9 over time/ })).toBeVisible();
  await expect(outcomes.getByText('Reliable recovery', { exact: true })).toBeVisible();
  await expectAccessible(p, 'the measures page with charts (dark)');
  await shot(p, 'results-therapist-charts-dark-phone');
  await theme(p, 'Same as this device');
  expectNoPageProblems(side);
});

test('Priya sees the PHQ-9 chart her therapist shared, and not the GAD-7', async ({ browser }) => {
  test.slow(); // light and dark, axe on each, on a shared two-core machine
  const side = await openPerson(browser, server.origin, PHONE);
  sides.push(side);
  const p = side.page;
  await signInWithPassword(p, priya);
  await menu(p, 'My progress');
  await expect(p.getByRole('heading', { level: 1, name: 'My progress' })).toBeVisible();
  await expect(p.getByText(/Lower scores mean fewer difficulties/)).toBeVisible();
  await expect(p.getByRole('img', { name: /^PHQ-9 over time/ })).toBeVisible();
  await expect(p.getByRole('img', { name: /^GAD-7/ })).toHaveCount(0);
  const table = p.getByRole('table', { name: 'PHQ-9 results, the same numbers as the chart' });
  await expect(table.getByRole('row')).toHaveCount(5);
  await expectNoSidewaysScroll(p, 'My progress');
  await expectAccessible(p, 'My progress');
  await shot(p, 'results-my-progress-phone');
  await theme(p, 'Dark');
  await p.goto('/progress');
  await expect(p.getByRole('img', { name: /^PHQ-9 over time/ })).toBeVisible();
  await expectAccessible(p, 'My progress (dark)');
  await theme(p, 'Same as this device');
  expectNoPageProblems(side);
});

test('Morgan opens the outcomes report, narrows the dates, and downloads the CSV with figures and no names', async ({
  browser,
}) => {
  test.slow(); // light and dark, axe on each, on a shared two-core machine
  const side = await openPerson(browser, server.origin, PHONE);
  sides.push(side);
  const p = side.page;
  await signInWithPassword(p, morgan);
  await menu(p, 'Outcomes report');
  await expect(p.getByRole('heading', { level: 1, name: 'Outcomes report' })).toBeVisible();
  const figures = p.getByRole('table', { name: 'Outcome figures' });
  const row = (name: string) =>
    figures.getByRole('row').filter({ has: p.getByRole('rowheader', { name, exact: true }) });
  // The demo: Aled recovered reliably, Hannah's earlier course deteriorated, Daniel's had no pairs.
  await expect(row('Episodes ended')).toContainText('3');
  await expect(row('Paired data completeness')).toContainText('66.7%');
  await expect(row('Recovered (of cases at the start)')).toContainText('50.0%');
  await expect(row('Reliably deteriorated')).toContainText('50.0%');
  await expectNoSidewaysScroll(p, 'the outcomes report');
  await expectAccessible(p, 'the outcomes report');
  await shot(p, 'results-report-phone');

  const [download] = await Promise.all([
    p.waitForEvent('download'),
    p.getByRole('link', { name: 'Download CSV' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^outcomes-.*\.csv$/);
  const csv = fs.readFileSync((await download.path()) ?? '', 'utf8');
  const lines = csv.split('\r\n');
  expect(lines[0]).toBe('measure,count,denominator,percentage,from,to');
  expect(lines).toContain('Episodes ended,3,,,,');
  expect(lines).toContain('Recovered (of cases at the start),1,2,50.0,,');
  expect(lines).toContain('Reliably deteriorated (of paired finished courses),1,2,50.0,,');
  for (const name of ['Aled', 'Hannah', 'Daniel', 'Priya', 'Morgan', 'Ruth', 'Tom']) expect(csv).not.toContain(name);
  expect(csv).not.toMatch(/@|[0-9a-f]{8}-[0-9a-f]{4}-/i);

  // Only the last 60 days' endings: Aled's, four weeks ago.
  const since = new Date(Date.now() - 60 * 86_400_000).toISOString().slice(0, 10);
  await p.getByLabel('Ended on or after').fill(since);
  await p.getByRole('button', { name: 'Show figures' }).click();
  await expect(row('Episodes ended')).toContainText('1');
  await expect(row('Recovered (of cases at the start)')).toContainText('100.0%');

  await theme(p, 'Dark');
  await p.goto('/admin/outcomes');
  await expect(row('Episodes ended')).toContainText('3');
  await expectAccessible(p, 'the outcomes report (dark)');
  await theme(p, 'Same as this device');
  expectNoPageProblems(side);
});
