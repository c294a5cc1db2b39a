import { expect, test } from '@playwright/test';
import { expectAccessible } from '../support/accessibility';
import { expectNoPageProblems, openPerson } from '../support/browser';
import { shot } from '../support/flows';
import { ownServerForFile, startOwnServer } from '../support/own-server';
import { reloadPublicPage } from '../support/public-page';

/** A fresh installation of this file's own (no practice yet: the first visitor is sent to set it up). */
const fresh = ownServerForFile();

test('crisis help is reachable without signing in, from every page, at desktop and phone widths', async ({
  browser,
}) => {
  const visitor = await openPerson(browser, fresh.origin);
  const { page } = visitor;

  await page.goto('/');
  // A new installation sends the first visitor to set it up; the help link is there too.
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expectAccessible(page, 'first page');
  await page.getByRole('banner').getByRole('link', { name: 'Need help now?' }).click();

  await expect(page).toHaveURL(/\/help$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Need help now?' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Call Emergency services' })).toHaveAttribute('href', 'tel:999');
  await expect(page.getByRole('link', { name: 'Call Samaritans' })).toHaveAttribute('href', 'tel:116123');
  await expect(page.getByRole('link', { name: 'Text SHOUT' })).toHaveAttribute('href', /^sms:85258/);
  await expectAccessible(page, 'help');
  await shot(page, 'help-desktop');

  await page.setViewportSize({ width: 375, height: 740 });
  // A full load of /help is the server's first paint until the app takes over: measure the app's page.
  await reloadPublicPage(page);
  await expect(page.getByRole('link', { name: 'Call Emergency services' })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, 'no sideways scrolling at 375 px').toBeLessThanOrEqual(0);
  await expectAccessible(page, 'help at 375 px');
  await shot(page, 'help-phone');

  expectNoPageProblems(visitor);
  await visitor.context.close();
});

test('the numbers are on the help page before any script runs (JavaScript off), and callable', async ({ browser }) => {
  // A person in crisis on a slow phone: the server's first paint alone must give them the numbers.
  const context = await browser.newContext({
    baseURL: fresh.origin,
    javaScriptEnabled: false,
    viewport: { width: 390, height: 800 },
  });
  const page = await context.newPage();
  const reply = await page.goto('/help');
  expect(reply?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1, name: 'Need help now?' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Call Emergency services' })).toHaveAttribute('href', 'tel:999');
  await expect(page.getByRole('link', { name: 'Call Samaritans' })).toHaveAttribute('href', 'tel:116123');
  await expect(page.getByRole('link', { name: 'Text SHOUT' })).toHaveAttribute('href', /^sms:85258/);
  await expect(page.getByText('Call 999 or go to A&E')).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, 'no sideways scrolling at 390 px before the app runs').toBeLessThanOrEqual(0);
  await context.close();

  // The app's scripts never arriving (a dropped connection): the server's page alone, checked by axe.
  const stalled = await browser.newContext({ baseURL: fresh.origin, viewport: { width: 390, height: 800 } });
  const alone = await stalled.newPage();
  await alone.route(/\/assets\/.*\.js$/, (route) => route.abort());
  await alone.goto('/help');
  await expect(alone.locator('#server-page').getByRole('link', { name: 'Call Samaritans' })).toBeVisible();
  await expectAccessible(alone, 'help before the app runs');
  await stalled.close();
});

test('on the demo practice, the first paint has the banner and the practice’s own line; the app then takes over', async ({
  browser,
}) => {
  const server = await startOwnServer({ demo: true });
  try {
    const off = await browser.newContext({ baseURL: server.origin, javaScriptEnabled: false });
    const still = await off.newPage();
    await still.goto('/help');
    await expect(still.getByRole('note').getByText('Demo practice')).toBeVisible();
    await expect(still.getByRole('link', { name: 'Call Northside Crisis Café (demo, fictional)' })).toHaveAttribute(
      'href',
      'tel:01632960123',
    );
    await off.close();

    const visitor = await openPerson(browser, server.origin);
    const { page } = visitor;
    await page.goto('/help');
    // The server's copy is gone once the app's own page (with its banner) is there: one page, one heading.
    await expect(page.locator('#server-page')).toHaveCount(0);
    await expect(page.locator('#main').getByRole('heading', { level: 1, name: 'Need help now?' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
    await expect(page.getByRole('note').getByText('Demo practice')).toBeVisible();
    await expect(page.getByRole('link', { name: 'Call Northside Crisis Café (demo, fictional)' })).toBeVisible();
    await expectAccessible(page, 'help on the demo practice');
    expectNoPageProblems(visitor);
    await visitor.context.close();
  } finally {
    await server.stop();
  }
});

test('an address that leads nowhere says so, and offers a way on', async ({ browser }) => {
  const visitor = await openPerson(browser, fresh.origin);
  const { page } = visitor;
  await page.goto('/no/such/page');
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Go to the start page' })).toBeVisible();
  await expect(page).toHaveTitle('Page not found · Undercurrent');
  await expectAccessible(page, 'not found');
  expectNoPageProblems(visitor);
  await visitor.context.close();
});
