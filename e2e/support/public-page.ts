import { expect, type Page } from '@playwright/test';

/**
 * A public page (the practice's site, `/help`) loads as the server's first paint in `#server-page`,
 * with the app's own copy of the same page hidden in `#root` until the app swaps the two
 * (packages/web/src/app/server-page.ts). While both are in the document, a text is there twice (once
 * hidden), so a `getByText` would find two. After a full load of such a page, wait for the swap.
 */
export async function expectAppTookOver(page: Page): Promise<void> {
  await expect(page.locator('#server-page'), 'the app takes over from the server’s first paint').toHaveCount(0, {
    timeout: 15_000,
  });
}

/** Opens a public address as a full page load and waits until the app has taken over. */
export async function openPublicPage(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await expectAppTookOver(page);
}

/** Reloads a public page and waits until the app has taken over. */
export async function reloadPublicPage(page: Page): Promise<void> {
  await page.reload();
  await expectAppTookOver(page);
}
