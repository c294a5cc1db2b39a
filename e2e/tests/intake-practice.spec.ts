import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectAccessible } from '../support/accessibility';
import { expectNoPageProblems, openPerson, type Watched } from '../support/browser';
import { acceptInvitation, agreeToPolicy, shot, signInWithPassword, type Person } from '../support/flows';
import { requestConsultationAsNewVisitor } from '../support/intake';
import { openFromMenu } from '../support/menu';
import { ownServerForFile } from '../support/own-server';
import { expectNoSidewaysScroll } from '../support/layout';

/**
 * An enquiry end to end, as issue 8's done-means has it, against the real server and PostgreSQL (the
 * demo practice): a new visitor reads the public pages, takes "Is this right for me?", sends the
 * intake form (consent given), sees the therapists ranked with reasons and asks Nia Jones for a first
 * consultation at one of her real free times (e2e/support/intake.ts) → Nia opens Enquiries on her
 * phone, finds it (with someone who needs review today set apart at the top), opens it and accepts
 * with a message → Morgan, the admin, finds the invitation e-mail in the outbox → the person opens
 * its link, chooses a password, and finds the consultation on their sessions list → Morgan sets how long
 * enquiries are kept (a refused period first) and deletes the demo's referred-on enquiry with a reason.
 * Axe on every page,
 * light and dark; no sideways scrolling at 390 px.
 */
test.describe.configure({ mode: 'serial' });

const PHONE = { width: 390, height: 844 };
const SLUG = 'northside-demo';
const PASSWORD = 'northside demo morning light';
const at = (key: string) => `${key}@northside-demo.example`;
const nia: Person = { name: 'Nia Jones', email: at('nia.jones'), password: PASSWORD };
const morgan: Person = { name: 'Morgan Ellis', email: at('morgan.ellis'), password: PASSWORD };

const run = Date.now().toString(36);
const person: Person = {
  name: `Eli Vaughan ${run}`,
  email: `eli.${run}@example.com`,
  password: 'harbour lantern quietly copper',
};
const urgentName = `Casey Reed ${run}`;
const MESSAGE = 'Thank you for writing. I look forward to meeting you online.';

const sides: Watched[] = [];
let requestedStart = '';
/** The accepted enquiry's address in the app. */
let enquiryPath = '';

const server = ownServerForFile({ demo: true });

test.afterAll(async () => {
  for (const side of sides) await side.context.close();
});

function form(name: string, email: string, risk: 'no' | 'now') {
  return {
    name,
    email,
    brings: `Since moving I have felt unlike myself (${run}), and I would like to understand why.`,
    previousTherapy: '',
    preferences: {
      formats: ['online'],
      days: [2, 4],
      parts: ['evening'],
      language: null,
      therapistGender: null,
      feeMaxPence: 9000,
      topics: ['Identity'],
    },
    risk,
    consent: true,
    website: '',
    fillMs: 95_000,
  };
}

async function signedIn(browser: Browser, who: Person, viewport = PHONE): Promise<Watched> {
  const side = await openPerson(browser, server.origin, viewport);
  sides.push(side);
  await signInWithPassword(side.page, who);
  // Signed in once the app has left the sign-in page (a click during that move lands on the old page).
  await expect(side.page).not.toHaveURL(/\/sign-in(\/|$|\?)/);
  await expect(
    side.page
      .getByRole('navigation', { name: 'Main' })
      .or(side.page.getByRole('button', { name: 'Menu' }))
      .first(),
  ).toBeVisible();
  return side;
}

/** Axe in the light theme and, emulating a device set to dark, in the dark one. */
async function expectAccessibleLightAndDark(p: Page, what: string): Promise<void> {
  await p.emulateMedia({ colorScheme: 'light' });
  await expectAccessible(p, `${what} (light)`);
  await p.emulateMedia({ colorScheme: 'dark' });
  await expectAccessible(p, `${what} (dark)`);
  await shot(p, `intake-practice-${what.replace(/\W+/g, '-')}-dark`);
  await p.emulateMedia({ colorScheme: 'light' });
}

/**
 * The admin opens the invitation e-mail to `to` (the person also has the content-free "a reply to
 * your enquiry" e-mail, so the message is picked by its subject) and returns its link.
 */
async function invitationFromOutbox(p: Page, to: string): Promise<string> {
  await p.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Outbox' }).click();
  await expect(p.getByRole('heading', { level: 1, name: 'Outbox' })).toBeVisible();
  const item = p
    .getByRole('listitem')
    .filter({ hasText: `To: ${to}` })
    .filter({ hasText: 'Your invitation from' });
  await expect(item).toHaveCount(1);
  await expect(p.getByRole('listitem').filter({ hasText: `To: ${to}` })).toHaveCount(3);
  await expectAccessible(p, 'the outbox');
  await item.getByRole('link').click();
  await expect(p.getByRole('heading', { name: 'Message' })).toBeVisible();
  await expect(p.getByRole('main')).toContainText('Nia Jones');
  await expectAccessible(p, 'the invitation e-mail');
  const link = p.getByRole('link', { name: /\/invite\// });
  await expect(link).toBeVisible();
  return (await link.getAttribute('href')) ?? '';
}

test('a new visitor reads the pages, takes the reflection, sends an enquiry and asks Nia Jones for a first consultation; someone else needs review today', async ({
  browser,
  playwright,
}) => {
  test.setTimeout(300_000);
  const visitor = await openPerson(browser, server.origin);
  sides.push(visitor);
  const requested = await requestConsultationAsNewVisitor(visitor.page, person);
  expect(requested.therapist).toBe('Nia Jones');
  // The time asked for, as the server holds it (to find the consultation on Nia's calendar later).
  const token = new URL(requested.enquiryUrl).pathname.replace('/enquiry/', '');
  const view = await visitor.page.request.get(`/api/public/intakes/${token}`);
  expect(view.status()).toBe(200);
  requestedStart = ((await view.json()) as { request: { start: string } | null }).request?.start ?? '';
  expect(requestedStart).not.toBe('');
  expectNoPageProblems(visitor);

  const api = await playwright.request.newContext({ baseURL: server.origin });
  try {
    const urgent = await api.post(`/api/public/practices/${SLUG}/intakes`, {
      data: form(urgentName, `casey.${run}@example.com`, 'now'),
      headers: { 'X-Undercurrent-CSRF': '1' },
    });
    expect(urgent.status()).toBe(201);
    expect(((await urgent.json()) as { sameDayReview: boolean }).sameDayReview).toBe(true);
  } finally {
    await api.dispose();
  }
});

test('Nia opens Enquiries on her phone: review today is at the top and marked; she accepts the request with a message', async ({
  browser,
}) => {
  const side = await signedIn(browser, nia);
  const p = side.page;
  await openFromMenu(p, 'Enquiries');
  await expect(p.getByRole('heading', { level: 1, name: 'Enquiries' })).toBeVisible();
  const urgent = p.getByRole('region', { name: 'Review today' });
  await expect(urgent.getByRole('link', { name: `Open ${urgentName}’s enquiry` })).toBeVisible();
  await expect(urgent.getByText('Review today', { exact: true }).first()).toBeVisible();
  // The review-today section comes before the queue.
  const h2 = p.getByRole('heading', { level: 2 });
  await expect(h2.nth(0)).toHaveText('Review today');
  await expect(h2.nth(1)).toHaveText('Queue and waiting list');
  const queue = p.getByRole('region', { name: 'Queue and waiting list' });
  const mine = queue.getByRole('listitem').filter({ hasText: person.name });
  await expect(mine).toBeVisible();
  await expect(mine).toContainText('Consultation requested');
  await expect(mine).toContainText('Asked for Nia Jones');
  await expect(mine).toContainText('Source: Website');
  await expectNoSidewaysScroll(p, 'the enquiries');
  await expectAccessibleLightAndDark(p, 'the enquiries');
  await shot(p, 'intake-practice-queue-phone');

  // Filter: only those asked for me still shows it; referred-on ones only shows the demo's.
  await queue.getByLabel('Whose').selectOption({ label: 'Asked for me' });
  await expect(mine).toBeVisible();
  await queue.getByLabel('Show').selectOption({ label: 'Referred on' });
  await expect(queue.getByText('No enquiries match.')).toBeVisible();
  await queue.getByLabel('Whose').selectOption({ label: 'Everyone’s' });
  await expect(queue.getByRole('listitem').filter({ hasText: 'Jo Marsh' })).toBeVisible();
  await queue.getByLabel('Show').selectOption({ label: 'Needing an answer' });

  await mine.getByRole('link', { name: `Open ${person.name}’s enquiry` }).click();
  await expect(p.getByRole('heading', { level: 1, name: `Enquiry from ${person.name}` })).toBeVisible();
  await expect(p.getByText('Since my mother died I keep pushing people away')).toBeVisible();
  await expect(p.getByRole('heading', { name: 'Therapists ranked for them' })).toBeVisible();
  await expect(p.getByText(/Gave explicit consent/)).toBeVisible();
  await expectNoSidewaysScroll(p, 'an enquiry');
  await expectAccessibleLightAndDark(p, 'an enquiry');

  // A message is required, with an error a person can act on.
  await p.getByRole('radio', { name: /Accept the consultation/ }).check();
  await expect(p.getByText(/An invitation e-mail to create their client account/)).toBeVisible();
  await p.getByRole('button', { name: 'Send the answer' }).click();
  await expect(p.getByText('Write a message to the person: it is what they will read.')).toBeVisible();
  await expectAccessible(p, 'an enquiry with the message missing');
  await p.getByRole('textbox', { name: 'Message to the person' }).fill(MESSAGE);
  await p.getByRole('button', { name: 'Send the answer' }).click();
  await expect(p.getByText('Accepted. The consultation is booked and the invitation is in the outbox.')).toBeVisible();
  await expect(p.getByRole('heading', { name: 'Consultation booked' })).toBeVisible();
  await expect(p.getByText(MESSAGE)).toBeVisible();
  await expectAccessibleLightAndDark(p, 'an accepted enquiry');
  await shot(p, 'intake-practice-accepted-phone');

  // The enquiry became a client in her care: from it to their page.
  enquiryPath = new URL(p.url()).pathname;
  await expect(p.getByText(`${person.name} is a client of the practice now`)).toBeVisible();
  await p.getByRole('link', { name: `Open ${person.name}’s page` }).click();
  await expect(p.getByRole('heading', { level: 1, name: person.name })).toBeVisible();
  await expectAccessible(p, 'the new client’s page, from the enquiry');

  // It is on her calendar now, in the week of the consultation, under the person's name.
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date(requestedStart));
  await p.goto(`/calendar?week=${day}`);
  const booked = p.getByRole('main').getByRole('listitem').filter({ hasText: person.name });
  await expect(booked).toBeVisible();
  await expect(booked).toContainText('Consultation');
  expectNoPageProblems(side);
});

test('Morgan finds the invitation e-mail in the outbox; the person accepts it and sees the consultation among their sessions', async ({
  browser,
}) => {
  const admin = await signedIn(browser, morgan, { width: 1280, height: 800 });
  await admin.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Enquiries' }).click();
  await expect(admin.page.getByRole('heading', { level: 1, name: 'Enquiries' })).toBeVisible();
  await expect(
    admin.page
      .getByRole('region', { name: 'Review today' })
      .getByRole('link', { name: `Open ${urgentName}’s enquiry` }),
  ).toBeVisible();
  await expectAccessibleLightAndDark(admin.page, 'the enquiries (admin, desktop)');
  // The accepted enquiry points an administrator to the invitations.
  await admin.page.goto(enquiryPath);
  await expect(admin.page.getByText(`${person.name} is a client of the practice now`)).toBeVisible();
  await admin.page.getByRole('link', { name: 'See the invitations' }).click();
  await expect(admin.page.getByRole('main').getByText(person.email).first()).toBeVisible();
  const link = await invitationFromOutbox(admin.page, person.email);
  expect(link).toContain('/invite/');

  const side = await openPerson(browser, server.origin, PHONE);
  sides.push(side);
  const p = side.page;
  await acceptInvitation(p, link, person, 'intake-practice-person');
  // A new client first reads and agrees to the practice's safeguarding policy.
  await expectAccessible(p, 'the safeguarding policy step');
  await agreeToPolicy(p);
  await expect(p.getByRole('button', { name: 'Menu' })).toBeVisible();
  await openFromMenu(p, 'My sessions');
  await expect(p.getByRole('heading', { level: 1, name: 'Your sessions' })).toBeVisible();
  await expect(p.getByRole('main').getByText('Consultation').first()).toBeVisible();
  await expectNoSidewaysScroll(p, 'the new client’s sessions');
  await expectAccessibleLightAndDark(p, 'the new client’s sessions');
  await shot(p, 'intake-practice-client-sessions-phone');
  expectNoPageProblems(side);
  expectNoPageProblems(admin);
});

test('Morgan sets how long enquiries are kept, and deletes the referred-on enquiry Jo Marsh asked to be deleted', async ({
  browser,
}) => {
  const admin = await signedIn(browser, morgan, { width: 1280, height: 800 });
  const p = admin.page;
  await p.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Enquiries' }).click();
  await expect(p.getByRole('heading', { level: 1, name: 'Enquiries' })).toBeVisible();
  const kept = p.getByRole('region', { name: 'How long enquiries are kept' });
  const sentence = (days: number) =>
    `Enquiries that did not become clients are deleted ${days} days after they were last answered, once the person’s private link has expired. An enquiry from someone waiting, or still owed an answer, is never deleted.`;
  await expect(kept.getByText(sentence(183))).toBeVisible();
  const days = kept.getByRole('textbox', { name: 'Days to keep an enquiry after it was last answered' });
  await expect(days).toHaveValue('183');

  // Too short a period: a message beside the field, and the period stays as it was.
  await days.fill('5');
  await kept.getByRole('button', { name: 'Save the period' }).click();
  const invalid = 'Choose a whole number of days from 30 to 3650 (ten years).';
  await expect(kept.getByText(invalid)).toBeVisible();
  await expect(days).toHaveAttribute('aria-invalid', 'true');
  await expect(kept.getByText(sentence(183))).toBeVisible();
  await expectAccessible(p, 'the retention period refused');
  await days.fill('365');
  await kept.getByRole('button', { name: 'Save the period' }).click();
  await expect(kept.getByText('Saved. The new period applies from now on.')).toBeVisible();
  await expect(kept.getByText(sentence(365))).toBeVisible();
  await expectAccessibleLightAndDark(p, 'the retention period saved');
  // Saved on the server: it is there after a fresh load.
  await p.reload();
  await expect(p.getByRole('region', { name: 'How long enquiries are kept' }).getByText(sentence(365))).toBeVisible();

  // Jo Marsh's referred-on enquiry: she asked for it to be deleted.
  const queue = p.getByRole('region', { name: 'Queue and waiting list' });
  await queue.getByLabel('Show').selectOption({ label: 'Referred on' });
  await queue.getByRole('link', { name: 'Open Jo Marsh’s enquiry' }).click();
  await expect(p.getByRole('heading', { level: 1, name: 'Enquiry from Jo Marsh' })).toBeVisible();
  await p.getByRole('button', { name: 'Delete this enquiry' }).click();
  const dialog = p.getByRole('alertdialog', { name: 'Delete this enquiry?' });
  await expect(dialog).toBeVisible();
  // A reason is required: one of a few kinds (the audit log keeps no free text).
  await dialog.getByRole('button', { name: 'Delete the enquiry' }).click();
  await expect(dialog.getByText('Choose why the enquiry is deleted.')).toBeVisible();
  await expectAccessible(p, 'deleting an enquiry, the reason missing');
  await dialog
    .getByRole('group', { name: 'Why is it deleted?' })
    .getByRole('radio', { name: 'They asked us to delete it' })
    .check();
  await expect(dialog.getByText('Choose why the enquiry is deleted.')).toHaveCount(0);
  await expectAccessibleLightAndDark(p, 'deleting an enquiry');
  await dialog.getByRole('button', { name: 'Delete the enquiry' }).click();

  await expect(p.getByRole('heading', { level: 1, name: 'Enquiries' })).toBeVisible();
  await expect(p.getByRole('status').filter({ hasText: 'The enquiry is deleted.' })).toBeVisible();
  await queue.getByLabel('Show').selectOption({ label: 'All enquiries' });
  await expect(queue.getByRole('listitem').first()).toBeVisible();
  await expect(p.getByRole('listitem').filter({ hasText: 'Jo Marsh' })).toHaveCount(0);
  await expectAccessibleLightAndDark(p, 'the enquiries after deleting one');
  // The accepted enquiry offers no deleting: it is a client's record now.
  await p.goto(enquiryPath);
  await expect(p.getByText(`${person.name} is a client of the practice now`)).toBeVisible();
  await expect(p.getByRole('button', { name: 'Delete this enquiry' })).toHaveCount(0);
  expectNoPageProblems(admin);
});
