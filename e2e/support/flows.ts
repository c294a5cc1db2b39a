import path from 'node:path';
import { expect, type Page } from '@playwright/test';
import { expectAccessible } from './accessibility';
import { totpCode } from './totp';

export interface Person {
  name: string;
  email: string;
  password: string;
  totpSecret?: string;
  recoveryCodes?: string[];
}

/**
 * Saves a screenshot under test-results/screens/ for a person to look at, when asked for with
 * UC_E2E_SCREENS=1 (full-page screenshots of long pages cost the run minutes and check nothing).
 */
export async function shot(page: Page, name: string, fullPage = true): Promise<void> {
  if (process.env.UC_E2E_SCREENS !== '1') return;
  await page.screenshot({ path: path.resolve('test-results', 'screens', `${name}.png`), fullPage });
}

/** Waits for the server's strength check to accept the password typed into the given field. */
export async function choosePassword(page: Page, label: string, password: string): Promise<void> {
  await page.getByLabel(label, { exact: true }).fill(password);
  await expect(page.getByText('This password is strong enough.')).toBeVisible();
}

/** The enrolment flow: authenticator app, a code, the recovery codes saved, then on into the app. */
export async function enrolAuthenticator(page: Page, person: Person, label: string): Promise<void> {
  await expect(page).toHaveURL(/\/account\/security$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Set up two-step verification' })).toBeVisible();
  await expectAccessible(page, `${label}: enrolment`);
  await page.getByRole('button', { name: 'Set up an authenticator app' }).click();
  const secret = (await page.getByTestId('totp-secret').textContent())?.trim() ?? '';
  expect(secret).toMatch(/^[A-Z2-7]{16,}=*$/);
  await expect(page.getByRole('img', { name: 'QR code for your authenticator app' })).toBeVisible();
  await expectAccessible(page, `${label}: enrolment with QR code`);
  await shot(page, `${label}-enrolment`);
  person.totpSecret = secret;
  await page.getByLabel('Six-digit code').fill(await totpCode(secret));
  await page.getByRole('button', { name: 'Confirm' }).click();

  await expect(page.getByRole('heading', { name: 'Save your recovery codes' })).toBeVisible();
  const items = page.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem');
  await expect(items).toHaveCount(10);
  const codes = await items.allTextContents();
  person.recoveryCodes = codes.map((c) => c.trim());
  const carryOn = page.getByRole('button', { name: 'Continue to Undercurrent' });
  await expect(carryOn).toBeDisabled();
  await expectAccessible(page, `${label}: recovery codes`);
  await shot(page, `${label}-recovery-codes`);
  await page.getByText('I have saved these codes somewhere safe').click();
  await carryOn.click();
  await expect(page.getByRole('heading', { level: 1, name: `Hello, ${person.name}` })).toBeVisible();
}

/** An admin opens the newest e-mail to `to` in the outbox and returns the link in it matching `kind`. */
export async function linkFromOutbox(
  page: Page,
  to: string,
  label: string,
  kind: RegExp = /\/invite\//,
): Promise<string> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Outbox' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Outbox' })).toBeVisible();
  const item = page
    .getByRole('listitem')
    .filter({ hasText: `To: ${to}` })
    .first();
  await expect(item).toBeVisible();
  await expectAccessible(page, `${label}: outbox`);
  await shot(page, `${label}-outbox`);
  await item.getByRole('link').click();
  await expect(page.getByRole('heading', { name: 'Message' })).toBeVisible();
  await expectAccessible(page, `${label}: outbox message`);
  const link = page.getByRole('link', { name: kind });
  await expect(link).toBeVisible();
  const href = await link.getAttribute('href');
  expect(href).toBeTruthy();
  return href ?? '';
}

/** Accepts an invitation as `person`: the invitation is described, a password is chosen. */
export async function acceptInvitation(page: Page, link: string, person: Person, label: string): Promise<void> {
  await page.goto(link);
  await expect(page.getByRole('heading', { level: 1, name: /^Join / })).toBeVisible();
  await expect(page.getByText(person.email, { exact: true })).toBeVisible();
  await expectAccessible(page, `${label}: invitation`);
  await shot(page, `${label}-invitation`);
  await expect(page.getByLabel('Your name')).toHaveValue(person.name);
  await choosePassword(page, 'Choose a password', person.password);
  await page.getByRole('button', { name: 'Accept and continue' }).click();
}

/**
 * A client who has not agreed to the current version of the practice's safeguarding policy (a new
 * client, or after the admin publishes a new version) is shown it first: they read it and agree.
 */
export async function agreeToPolicy(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: 'Before you start: keeping you safe' })).toBeVisible();
  await page.getByRole('button', { name: 'I have read and agree' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Before you start: keeping you safe' })).toHaveCount(0);
}

/** Signs in with e-mail and password (one practice, so no chooser). */
export async function signInWithPassword(page: Page, person: Person): Promise<void> {
  await page.goto('/sign-in');
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await page.getByLabel('E-mail address').fill(person.email);
  await page.getByLabel('Password', { exact: true }).fill(person.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}
