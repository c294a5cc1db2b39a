import { expect, type Page } from '@playwright/test';

/**
 * Opens the phone menu and follows one of its links. Right after signing in, the app may still move
 * from /sign-in to the home page, and a change of page closes the menu; so the menu is opened again
 * until the link is really on screen, then followed.
 */
export async function openFromMenu(page: Page, name: string | RegExp): Promise<void> {
  const button = page.getByRole('button', { name: 'Menu' });
  const link = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name });
  await expect(page).not.toHaveURL(/\/sign-in(\/|$|\?)/);
  await expect(async () => {
    if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
    await expect(link).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await link.click();
}
