import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Runs axe on the page as it is now and fails, listing each problem and where it is, if any. */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  // analyze() finishes its run in a blank page of its own, opened beside this one and closed again.
  // Once, the page under test was left not rendering afterwards (frame-therapist: the next click
  // waited 70 s for two animation frames to check the link was stable, and never got them): make it
  // the page in front again before the test goes on.
  await page.bringToFront();
  const problems = results.violations.map(
    (v) => `${v.id} (${v.impact ?? 'n/a'}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`,
  );
  expect(problems, `accessibility problems on ${what}`).toEqual([]);
}
