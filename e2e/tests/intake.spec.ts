import { expect, test } from '@playwright/test';
import { openPerson, expectNoPageProblems } from '../support/browser';
import { shot } from '../support/flows';
import {
  consentAndSend,
  DEMO_SLUG,
  expectAccessibleBothThemes,
  expectNoSidewaysScroll,
  fillAboutYou,
  requestConsultationAsNewVisitor,
} from '../support/intake';
import { ownServerForFile } from '../support/own-server';
import { openPublicPage } from '../support/public-page';

/**
 * The intake, as a visitor meets it, against the real server and PostgreSQL (the demo practice, on a
 * server of this file's own): journey A from the public pages to a requested first consultation;
 * journey B, where an answer about acting on thoughts of harm soon shows crisis lines at once and the
 * confirmation says the practice will contact them today; and the form's refusals of what a person
 * did not mean to send (nothing filled in, and the honeypot a tool fills). axe on every page.
 */
test.describe.configure({ mode: 'serial' });

const server = ownServerForFile({ demo: true });

test('journey A: a new visitor reads the pages, takes the reflection, sends an enquiry and asks for a first consultation', async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const visitor = await openPerson(browser, server.origin);
  const p = visitor.page;
  const requested = await requestConsultationAsNewVisitor(p, { name: 'Alys Morgan', email: 'alys@example.com' });
  expect(requested.therapist).toBe('Nia Jones');

  // The link is the person's way back: a fresh visit shows the same page (consent and request kept).
  await openPublicPage(p, requested.enquiryUrl);
  await expect(p.getByRole('heading', { level: 1, name: 'Your enquiry' })).toBeVisible();
  await expect(p.getByText('Your enquiry to Northside Psychotherapy')).toBeVisible();
  await expect(p.getByText(`With Nia Jones, ${requested.when}.`)).toBeVisible();
  await expect(p.getByText(/You agreed on .* that the practice may keep what you wrote/)).toBeVisible();
  await expect(p.locator('meta[name="robots"]')).toHaveAttribute('content', 'noindex, nofollow');
  const response = await p.request.get(requested.enquiryUrl);
  expect(response.headers()['x-robots-tag']).toBe('noindex, nofollow');
  expect(response.headers()['referrer-policy']).toBe('no-referrer');

  // On a phone: the ranked therapists and the slot picker fit the screen.
  await p.setViewportSize({ width: 390, height: 844 });
  await p.getByRole('button', { name: 'Free times with Nia Jones' }).click();
  await expect(p.getByRole('combobox', { name: 'Day' })).toBeVisible();
  await expectNoSidewaysScroll(p);
  await expectAccessibleBothThemes(p, 'journey A: the person’s page at 390 px');

  // The waiting list instead.
  await p.getByRole('button', { name: 'Join the waiting list' }).click();
  await expect(
    p.getByText('You are on the waiting list. The practice will contact you when a place is free.'),
  ).toBeVisible();
  await expectAccessibleBothThemes(p, 'journey A: on the waiting list');
  expectNoPageProblems(visitor);
  await visitor.context.close();
});

test('journey B: an answer about acting on thoughts of harm soon shows crisis lines at once, and the confirmation says today', async ({
  browser,
}) => {
  const visitor = await openPerson(browser, server.origin, { width: 390, height: 844 });
  const p = visitor.page;
  await p.clock.install();
  await openPublicPage(p, `/p/${DEMO_SLUG}/enquire`);
  await expect(p.getByRole('heading', { level: 1, name: 'Ask about a first consultation' })).toBeVisible();
  await expectNoSidewaysScroll(p);
  await fillAboutYou(p, { name: 'Rhys', email: 'rhys@example.com' }, 'Everything has got too much.');
  const risk = p.getByRole('group', { name: /harming themselves or ending their life/ });
  await risk.getByLabel('Yes, and I might act on them soon').check();
  // At once, in the page, before anything is sent.
  await expect(p.getByRole('heading', { level: 2, name: 'Help you can reach now' })).toBeVisible();
  await expect(p.getByRole('link', { name: 'Call Samaritans' }).first()).toHaveAttribute('href', 'tel:116123');
  await expect(p.getByRole('link', { name: 'Call Emergency services' }).first()).toHaveAttribute('href', 'tel:999');
  await expect(p.getByText(/will contact you today — you will not be put on a waiting list/)).toBeVisible();
  await expectNoSidewaysScroll(p);
  await expectAccessibleBothThemes(p, 'journey B: crisis lines in the form');
  await shot(p, 'intake-urgent-form');

  await consentAndSend(p);
  await expect(p.getByRole('heading', { level: 2, name: 'Your enquiry has been sent' })).toBeVisible();
  await expect(
    p.getByText(/your enquiry is marked for review today\. Someone from the practice will contact you today\./),
  ).toBeVisible();
  await expect(p.getByRole('heading', { level: 2, name: 'If you need help now' })).toBeVisible();
  await expect(p.getByRole('link', { name: 'Call Samaritans' }).first()).toBeVisible();
  // Never a waiting list, and nothing to book.
  await expect(p.getByRole('button', { name: 'Join the waiting list' })).toHaveCount(0);
  await expect(p.getByRole('region', { name: 'Therapists who might suit you' })).toHaveCount(0);
  await expectNoSidewaysScroll(p);
  await expectAccessibleBothThemes(p, 'journey B: the confirmation');
  await shot(p, 'intake-urgent-confirmation');
  expectNoPageProblems(visitor);
  await visitor.context.close();
});

test('the form marks what is missing beside each question and keeps what was typed', async ({ browser }) => {
  const visitor = await openPerson(browser, server.origin, { width: 390, height: 844 });
  const p = visitor.page;
  await openPublicPage(p, `/p/${DEMO_SLUG}/enquire`);
  await expect(p.getByRole('heading', { level: 1, name: 'Ask about a first consultation' })).toBeVisible();
  await p.getByRole('textbox', { name: /^Your name/ }).fill('Sam');
  await p.getByRole('textbox', { name: /^Your e-mail address/ }).fill('sam at home');
  await p.getByRole('textbox', { name: /^The most you could pay/ }).fill('a lot');
  await p.getByRole('button', { name: 'Send my enquiry' }).click();
  await expect(p.getByRole('alert')).toContainText('Some answers need another look.');
  const email = p.getByRole('textbox', { name: /^Your e-mail address/ });
  await expect(email).toBeFocused();
  await expect(email).toHaveAccessibleDescription(/Please give an e-mail address we can reply to/);
  await expect(p.getByRole('textbox', { name: /^What brings you/ })).toHaveAccessibleDescription(
    /Please say a few words about what brings you\./,
  );
  await expect(p.getByText('Write the amount in pounds, like 60 or 45.50, or leave it blank.')).toBeVisible();
  await expect(p.getByText('Please choose an answer about your safety.')).toBeVisible();
  await expect(p.getByText(/Please tick the box to agree/)).toBeVisible();
  await expect(p.getByRole('textbox', { name: /^Your name/ })).toHaveValue('Sam');
  await expectNoSidewaysScroll(p);
  await expectAccessibleBothThemes(p, 'the intake form with its problems marked');
  await shot(p, 'intake-form-problems');
  await visitor.context.close();
});

test('the form refuses an automated submission (the hidden honeypot filled in) with a clear message, keeping the answers', async ({
  browser,
}) => {
  const visitor = await openPerson(browser, server.origin);
  const p = visitor.page;
  await p.clock.install();
  await openPublicPage(p, `/p/${DEMO_SLUG}/enquire`);
  await expect(p.getByRole('heading', { level: 1, name: 'Ask about a first consultation' })).toBeVisible();
  // A person never meets the honeypot: it is not in the accessibility tree, nor in the tab order.
  await expect(p.getByRole('textbox', { name: 'Leave this empty' })).toHaveCount(0);
  await expect(p.locator('#intake-website')).toHaveAttribute('tabindex', '-1');
  await fillAboutYou(p, { name: 'Bot', email: 'bot@example.com' }, 'Buy cheap things.');
  await p.locator('#intake-website').fill('http://spam.example', { force: true });
  await p
    .getByRole('group', { name: /harming themselves or ending their life/ })
    .getByLabel('No', { exact: true })
    .check();
  await consentAndSend(p);
  await expect(p.getByRole('alert')).toContainText('a hidden field was filled in, as automated tools do');
  await expect(p).toHaveURL(new RegExp(`/p/${DEMO_SLUG}/enquire$`));
  await expect(p.getByRole('textbox', { name: /^What brings you/ })).toHaveValue('Buy cheap things.');
  await expectAccessibleBothThemes(p, 'the intake form refusing an automated submission');
  await visitor.context.close();
});
