import { expect, type Page } from '@playwright/test';

/** Nothing is wider than the screen: the page never scrolls sideways (checked at phone widths). */
export async function expectNoSidewaysScroll(page: Page, what = 'this page'): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  const width = page.viewportSize()?.width ?? 0;
  expect(overflow, `no sideways scrolling on ${what} at ${width} px`).toBeLessThanOrEqual(0);
}
