import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from '../support/accessibility';
import { addDays, longDate, weekdayOf, isoToday } from '../support/dates';
import { startOwnServer, type OwnServer } from '../support/own-server';
import { expectNoPageProblems, openPerson, type Watched } from '../support/browser';
import {
  acceptInvitation,
  agreeToPolicy,
  choosePassword,
  enrolAuthenticator,
  linkFromOutbox,
  shot,
  type Person,
} from '../support/flows';

/**
 * The therapy frame end to end, against the real server and PostgreSQL: a therapist agrees a
 * twice-weekly frame with a client → the client sees the sessions → the therapist adds a break →
 * the client sees the cancelled sessions and how much notice they were given → the client cancels
 * at short notice, is told the charge before confirming, and finds it in their charges. Along the
 * way: the client's own time zone, a charge that changes under an open dialog, planned time away,
 * and calendar links.
 *
 * This file starts its own server (e2e/start-server.mjs: fresh data directory and database), so it
 * can set up a practice from scratch whatever ran before it against the shared one.
 */
test.describe.configure({ mode: 'serial' });

const run = Date.now().toString(36);
const admin: Person = {
  name: 'Ada Admin',
  email: `ada.${run}@frame.test`,
  password: 'harbour lantern meadow 47 quietly',
};
const therapist: Person = {
  name: 'Theo Therapist',
  email: `theo.${run}@frame.test`,
  password: 'copper kettle orchard 19 slowly',
};
const client: Person = {
  name: 'Cara Client',
  email: `cara.${run}@example.test`,
  password: 'violet tides under 83 bridges',
};

const LONDON = 'Europe/London';
const CLIENT_ZONE = 'America/New_York';
const FEE = '£70.00';
const BREAK_TITLE = 'Spring break';

let server: OwnServer | undefined;
let origin = '';
let adminSide: Watched | undefined;
let therapistSide: Watched | undefined;
let clientSide: Watched | undefined;

// ---------- Dates, relative to the day the test runs ----------

// Chosen when the journey that needs them starts, not when the file loads: starting the server and
// setting up the practice take a minute or more, and the day may change meanwhile (the frame would
// then start “today” in the past, and the notice of a break be a day short).
let today = '';
// Sessions at 10:00 London time, the day after the frame is agreed (always under 48 hours away, so a
// cancellation is late under the default policy) and three days after (always more than 48 hours).
let first = '';
let second = '';
// The sessions of the week after next, which a week's break from a week on takes out.
let inBreak: string[] = [];
// Time away a fortnight on covers one session.
let away = '';
// A week's break from a week on the day it is added (so its notice is always 7 days).
let breakStart = '';
let breakEnd = '';

test.beforeAll(async () => {
  test.setTimeout(150_000);
  server = await startOwnServer();
  origin = server.origin;
});

test.afterAll(async () => {
  try {
    for (const side of [adminSide, therapistSide, clientSide]) await side?.context.close();
  } finally {
    await server?.stop();
  }
});

// ---------- Helpers ----------

const nav = (page: Page) => page.getByRole('navigation', { name: 'Main' });

/** The therapist switches how missed sessions are charged, in their frame settings. */
async function setPolicyMode(tp: Page, mode: RegExp): Promise<void> {
  await tp.goto('/frame/settings');
  // React Aria keeps the radio input itself out of sight; choose it the way a keyboard user would.
  const radio = tp.getByRole('radio', { name: mode });
  await radio.focus();
  await tp.keyboard.press('Space');
  await expect(radio).toBeChecked();
  await tp.getByRole('button', { name: 'Save settings' }).click();
  await expect(tp.getByText('Your settings have been saved.')).toBeVisible();
}

function sides() {
  if (!adminSide || !therapistSide || !clientSide) throw new Error('the practice was not set up');
  return { ap: adminSide.page, tp: therapistSide.page, cp: clientSide.page };
}

// ---------- The journey ----------

test('a practice with a therapist and a client in their care', async ({ browser }) => {
  adminSide = await openPerson(browser, origin);
  const page = adminSide.page;
  await page.goto('/');
  await expect(page).toHaveURL(/\/setup$/);
  await page.getByLabel('Practice name').fill('Riverside Psychotherapy');
  await page.getByLabel('Your name').fill(admin.name);
  await page.getByLabel('E-mail address').fill(admin.email);
  await choosePassword(page, 'Choose a password', admin.password);
  await page.getByRole('button', { name: 'Create practice' }).click();
  await enrolAuthenticator(page, admin, 'frame-admin');

  await nav(page).getByRole('link', { name: 'Invitations' }).click();
  await page.getByLabel('Name').fill(therapist.name);
  await page.getByLabel('E-mail address').fill(therapist.email);
  await page.getByLabel('Role').selectOption({ label: 'Therapist' });
  await page.getByRole('button', { name: 'Send invitation' }).click();
  await expect(page.getByText(`Invitation sent to ${therapist.email}.`)).toBeVisible();
  const therapistLink = await linkFromOutbox(page, therapist.email, 'frame-admin');

  therapistSide = await openPerson(browser, origin);
  const tp = therapistSide.page;
  await acceptInvitation(tp, therapistLink, therapist, 'frame-therapist');
  await enrolAuthenticator(tp, therapist, 'frame-therapist');
  await tp.goto('/clients/invite');
  await tp.getByLabel('Name').fill(client.name);
  await tp.getByLabel('E-mail address').fill(client.email);
  await tp.getByRole('button', { name: 'Send invitation' }).click();
  await expect(tp.getByText(`Invitation sent to ${client.email}.`)).toBeVisible();

  const clientLink = await linkFromOutbox(page, client.email, 'frame-admin');
  clientSide = await openPerson(browser, origin);
  const cp = clientSide.page;
  await acceptInvitation(cp, clientLink, client, 'frame-client');
  await agreeToPolicy(cp);
  await expect(cp.getByRole('heading', { level: 1, name: `Hello, ${client.name}` })).toBeVisible();

  // Before anything is agreed, the client's sessions page says so calmly.
  await nav(cp).getByRole('link', { name: 'My sessions' }).click();
  await expect(cp.getByRole('heading', { level: 1, name: 'Your sessions' })).toBeVisible();
  await expect(cp.getByText(/^No sessions are booked yet\./)).toBeVisible();
  await expect(cp.getByText('No breaks are planned.')).toBeVisible();
  await expectAccessible(cp, 'client sessions (nothing agreed yet)');
  await shot(cp, 'frame-client-sessions-empty');

  for (const side of [adminSide, therapistSide, clientSide]) expectNoPageProblems(side);
});

test('the therapist agrees a twice-weekly frame; the client sees the sessions in their own time zone', async () => {
  const { tp, cp } = sides();
  today = isoToday(LONDON);
  first = addDays(today, 1);
  second = addDays(today, 3);
  inBreak = [addDays(first, 7), addDays(second, 7)];
  away = addDays(first, 14);

  // The therapist adds the room they work in…
  await tp.goto('/frame/settings');
  const rooms = tp.getByRole('region', { name: 'Rooms and online places' });
  await rooms.getByLabel('Name', { exact: true }).fill('Room 2');
  await rooms.getByLabel('Kind').selectOption({ label: 'Room' });
  await rooms.getByLabel('Address or link').fill('12 High Street');
  await rooms.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(tp.getByText('Room 2 has been added.')).toBeVisible();

  // …begins with the client, and agrees the frame: twice a week at 10:00, in Room 2, £70.
  await tp.goto('/clients');
  await tp.getByRole('main').getByRole('link', { name: client.name, exact: true }).click();
  await expect(tp.getByRole('heading', { level: 1, name: client.name })).toBeVisible();
  await tp.getByRole('button', { name: 'Begin an assessment' }).click();
  await expect(tp.getByText('In assessment.', { exact: false })).toBeVisible();
  await tp.getByRole('button', { name: 'Agree the frame' }).click();
  const agreement = tp.getByRole('form', { name: 'Agree the frame' });
  await agreement.getByLabel('Day of session 1 in the week').selectOption(String(weekdayOf(first)));
  await agreement.getByLabel('Time of session 1 in the week').fill('10:00');
  await agreement.getByRole('button', { name: 'Add a session in the week' }).click();
  await agreement.getByLabel('Day of session 2 in the week').selectOption(String(weekdayOf(second)));
  await agreement.getByLabel('Time of session 2 in the week').fill('10:00');
  await agreement.getByLabel('Room or place').selectOption({ label: 'Room 2' });
  await agreement.getByLabel('Fee for each session (£)').fill('70');
  await agreement.getByLabel('First session on or after').fill(today);
  await agreement.getByRole('button', { name: 'Agree the frame' }).click();
  await expect(tp.getByText('The frame is agreed and the sessions are in the diary.')).toBeVisible();
  await shot(tp, 'frame-therapist-agreed');

  // The client's side.
  await cp.goto('/sessions');
  const next = cp.getByRole('region', { name: 'Your next session' });
  await expect(next.getByText('Tomorrow')).toBeVisible();
  await expect(next.getByRole('heading', { name: longDate(first) })).toBeVisible();
  await expect(next.getByText('10:00–10:50', { exact: true })).toBeVisible();
  await expect(next.getByText(/Room 2, 12 High Street/)).toBeVisible();
  await expect(next.getByText(`With ${therapist.name}`)).toBeVisible();
  const upcoming = cp.getByRole('list', { name: 'Sessions coming up' });
  await expect(upcoming.getByRole('listitem').filter({ hasText: longDate(second) })).toBeVisible();
  await expect(upcoming.getByRole('listitem').filter({ hasText: longDate(inBreak[0] ?? '') })).toBeVisible();
  await expectAccessible(cp, 'client sessions');
  await shot(cp, 'frame-client-sessions');

  // The client lives elsewhere: once they choose their zone, times are theirs, with London's alongside.
  await cp.getByLabel('Time zone', { exact: true }).selectOption(CLIENT_ZONE);
  await cp.getByRole('button', { name: 'Save time zone' }).click();
  await expect(cp.getByText('Saved. Times are now shown in New York time.')).toBeVisible();
  await expect(next.getByText(/^\d{2}:\d{2}–\d{2}:\d{2} your time \(10:00 London time\)$/)).toBeVisible();
  await expectAccessible(cp, 'client sessions in another time zone');
  await shot(cp, 'frame-client-sessions-new-york');
  expectNoPageProblems(clientSide as Watched);
});

test('the therapist adds a break; the client sees the cancelled sessions and the notice given', async () => {
  const { tp, cp } = sides();
  // From a week on: the week after next's sessions (`inBreak`) fall in it, even past midnight.
  breakStart = addDays(isoToday(LONDON), 7);
  breakEnd = addDays(breakStart, 6);
  await tp.goto('/breaks');
  const form = tp.getByRole('form', { name: 'Add a break' });
  await form.getByLabel('What it is').fill(BREAK_TITLE);
  await form.getByLabel('First day').fill(breakStart);
  await form.getByLabel('Last day').fill(breakEnd);
  await form.getByRole('button', { name: 'Add the break' }).click();
  await expect(
    tp.getByText('The break has been added. 2 sessions were cancelled and each client has been told.'),
  ).toBeVisible();
  await shot(tp, 'frame-therapist-break');

  await cp.goto('/sessions');
  const breaks = cp.getByRole('list', { name: 'Breaks ahead' });
  const brk = breaks.getByRole('listitem').filter({ hasText: BREAK_TITLE });
  await expect(brk).toBeVisible();
  await expect(
    brk.getByText(`${therapist.name} is away · ${longDate(breakStart)} to ${longDate(breakEnd)}`),
  ).toBeVisible();
  await expect(brk.getByText(/: 7 days’ notice\.$/)).toBeVisible();
  await expect(brk.getByText(/^2 of your sessions fall in it and will not take place\./)).toBeVisible();
  const upcoming = cp.getByRole('list', { name: 'Sessions coming up' });
  for (const date of inBreak) {
    const item = upcoming.getByRole('listitem').filter({ hasText: longDate(date) });
    await expect(item.getByText(`Cancelled: ${BREAK_TITLE}`)).toBeVisible();
    await expect(item.getByText(/^You were given (7|8|9|10|11) days’ notice\.$/)).toBeVisible();
    await expect(item.getByRole('button')).toHaveCount(0);
  }
  await expectAccessible(cp, 'client sessions with a break');
  await shot(cp, 'frame-client-break');
  expectNoPageProblems(clientSide as Watched);
});

test('the client cancels at short notice, is told the charge first, and finds it in their charges', async () => {
  const { cp } = sides();
  await cp.goto('/sessions');
  const next = cp.getByRole('region', { name: 'Your next session' });
  await next.getByRole('button', { name: /^Cancel: / }).click();
  const dialog = cp.getByRole('alertdialog');
  await expect(dialog.getByRole('heading', { name: 'Cancel this session?' })).toBeVisible();
  await expect(dialog.getByText(/48 hours/).first()).toBeVisible();
  await expect(dialog.getByRole('definition')).toHaveText(FEE);
  await expectAccessible(cp, 'cancel dialog with a charge');
  await shot(cp, 'frame-client-cancel-late');
  await dialog.getByRole('button', { name: 'Cancel the session' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(
    cp.getByText(`Your session on ${longDate(first)} is cancelled. A charge of ${FEE} has been added to your charges.`),
  ).toBeVisible();
  // The next session is now the one three days on.
  await expect(next.getByRole('heading', { name: longDate(second) })).toBeVisible();

  await cp.getByRole('navigation', { name: 'Your sessions' }).getByRole('link', { name: 'Charges' }).click();
  await expect(cp.getByRole('heading', { level: 1, name: 'Charges' })).toBeVisible();
  await expect(cp.getByRole('region', { name: 'Balance' }).getByText(FEE)).toBeVisible();
  const row = cp.getByRole('row').filter({ hasText: longDate(first) });
  await expect(row).toHaveCount(1);
  await expect(row.getByRole('cell').last()).toHaveText(FEE);
  await expectAccessible(cp, 'client charges');
  await shot(cp, 'frame-client-charges');
  expectNoPageProblems(clientSide as Watched);
});

test('a charge that changes while the dialog is open is shown again before anything happens', async () => {
  const { tp, cp } = sides();
  await cp.goto('/sessions');
  const next = cp.getByRole('region', { name: 'Your next session' });
  await next.getByRole('button', { name: /^Cancel: / }).click();
  const dialog = cp.getByRole('alertdialog');
  await expect(dialog.getByRole('definition')).toHaveText('No charge');

  // Meanwhile the therapist's policy becomes "the hour is yours": every cancellation is charged.
  await setPolicyMode(tp, /^The hour is yours/);

  await dialog.getByRole('button', { name: 'Cancel the session' }).click();
  await expect(dialog.getByRole('alert')).toContainText('The charge has changed');
  await expect(dialog.getByRole('definition')).toHaveText(FEE);
  await expectAccessible(cp, 'cancel dialog after the charge changed');
  await shot(cp, 'frame-client-cancel-changed');
  await dialog.getByRole('button', { name: 'Keep the session' }).press('Enter');
  await expect(dialog).toHaveCount(0);
  // Nothing happened, and the keyboard is back on the button that opened the dialog.
  await expect(next.getByRole('heading', { name: longDate(second) })).toBeVisible();
  await expect(next.getByRole('button', { name: `Cancel: ${longDate(second)}` })).toBeFocused();

  await setPolicyMode(tp, /^By notice/);
  expectNoPageProblems(clientSide as Watched);
});

test('the client records time away, sees what it changes first, and can take it back', async () => {
  const { cp } = sides();
  await cp.getByRole('navigation', { name: 'Your sessions' }).getByRole('link', { name: 'Time away' }).click();
  await expect(cp.getByRole('heading', { level: 1, name: 'Time away' })).toBeVisible();
  await expect(cp.getByText('You have not recorded any time away.')).toBeVisible();
  await expectAccessible(cp, 'time away');

  await cp.getByRole('button', { name: 'Check which sessions this affects' }).click();
  await expect(cp.getByText('Choose your first day away.')).toBeVisible();
  await expect(cp.getByText('Choose your last day away.')).toBeVisible();
  await expectAccessible(cp, 'time away with errors');

  await cp.getByLabel('First day away').fill(away);
  await cp.getByLabel('Last day away').fill(away);
  await cp.getByRole('button', { name: 'Check which sessions this affects' }).click();
  const affected = cp.getByRole('list', { name: 'Sessions that will be cancelled' });
  await expect(affected.getByRole('listitem')).toHaveCount(1);
  await expect(affected.getByText(longDate(away))).toBeVisible();
  await expect(cp.getByText('There is no charge.', { exact: true })).toBeVisible();
  await expectAccessible(cp, 'time away preview');
  await shot(cp, 'frame-client-away-preview');
  await cp.getByLabel('A note for your therapist').fill('A family wedding.');
  await cp.getByRole('button', { name: 'Record this time away' }).click();
  await expect(cp.getByText('Your time away is recorded and 1 session has been cancelled.')).toBeVisible();
  const list = cp.getByRole('list', { name: 'Your time away' });
  await expect(list.getByText(longDate(away))).toBeVisible();
  await expect(list.getByText('A family wedding.')).toBeVisible();

  await list.getByRole('button', { name: `Remove: ${longDate(away)}` }).click();
  const confirm = cp.getByRole('alertdialog');
  await expect(confirm.getByRole('heading', { name: 'Remove this time away?' })).toBeVisible();
  await expectAccessible(cp, 'remove time away dialog');
  await confirm.getByRole('button', { name: 'Remove' }).click();
  await expect(cp.getByText('Your time away has been removed and 1 session is booked again.')).toBeVisible();
  await expect(cp.getByText('You have not recorded any time away.')).toBeVisible();
  expectNoPageProblems(clientSide as Watched);
});

test('the client adds sessions to a calendar: one by one, or with a private link they can turn off', async ({
  playwright,
}) => {
  const { cp } = sides();
  await cp.goto('/sessions');
  const next = cp.getByRole('region', { name: 'Your next session' });
  const download = next.getByRole('link', { name: /^Add to calendar: / });
  const href = (await download.getAttribute('href')) ?? '';
  expect(href).toMatch(/^\/api\/frame\/appointments\/[0-9a-f-]+\/ics$/);
  const ics = await cp.request.get(href);
  expect(ics.ok()).toBe(true);
  expect(ics.headers()['content-type']).toMatch(/^text\/calendar/);
  expect(await ics.text()).toContain('BEGIN:VEVENT');

  await cp.getByRole('button', { name: 'Create a subscription link' }).click();
  const url = await cp.getByRole('textbox', { name: 'Subscription link' }).inputValue();
  expect(url).toMatch(new RegExp(`^${origin}/calendar/.+\\.ics$`));
  await expectAccessible(cp, 'new subscription link');
  await shot(cp, 'frame-client-calendar-link');
  // The link works without signing in (calendar apps have no cookie) and shows no clinical detail.
  const outsider = await playwright.request.newContext();
  const feed = await outsider.get(url);
  expect(feed.ok()).toBe(true);
  const body = await feed.text();
  expect(body).toContain('BEGIN:VCALENDAR');
  expect(body).toContain(`Session with ${therapist.name}`);
  await cp.getByRole('button', { name: 'Done' }).click();

  const links = cp.getByRole('list', { name: 'Your subscription links' });
  await expect(links.getByRole('listitem')).toHaveCount(1);
  await links.getByRole('button', { name: /^Turn off/ }).click();
  const confirm = cp.getByRole('alertdialog');
  await expectAccessible(cp, 'turn off a subscription link');
  await confirm.getByRole('button', { name: 'Turn off' }).click();
  await expect(cp.getByText('The link has been turned off.')).toBeVisible();
  await expect(cp.getByText('You have no subscription links.')).toBeVisible();
  expect((await outsider.get(url)).status()).toBe(404);
  await outsider.dispose();
  expectNoPageProblems(clientSide as Watched);
});

test('the client asks to move a session; the therapist declines with a note, which the client reads', async () => {
  const { tp, cp } = sides();
  await cp.goto('/sessions');
  const next = cp.getByRole('region', { name: 'Your next session' });
  await next.getByRole('button', { name: `Ask to move: ${longDate(second)}` }).click();
  const dialog = cp.getByRole('dialog');
  await expect(dialog.getByRole('heading', { name: 'Ask to move this session' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Send request' }).click();
  await expect(dialog.getByText('Write a few words for your therapist.')).toBeVisible();
  await expectAccessible(cp, 'ask to move dialog with an error');
  await dialog.getByLabel('Your message').fill('Could we meet later that day? I have a hospital appointment.');
  await dialog.getByRole('button', { name: 'Send request' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(cp.getByText(`Your request to move the session on ${longDate(second)} has been sent.`)).toBeVisible();
  await expect(next.getByText('You asked to move this')).toBeVisible();
  await expect(next.getByRole('button', { name: /^Ask to move/ })).toHaveCount(0);

  await tp.goto('/clients');
  await tp.getByRole('main').getByRole('link', { name: client.name, exact: true }).click();
  const requests = tp.getByRole('region', { name: 'Requests to move a session' });
  await expect(requests.getByText('Could we meet later that day? I have a hospital appointment.')).toBeVisible();
  await requests.getByRole('button', { name: /^Decline: / }).click();
  const decline = tp.getByRole('dialog');
  await decline.getByLabel(/^Note to the client/).fill('I am not free then, I am sorry. Let us keep our usual time.');
  await decline.getByRole('button', { name: 'Decline' }).click();
  await expect(tp.getByText('The request was declined; the client has been told.')).toBeVisible();

  await cp.reload();
  await expect(
    next.getByText(
      'Your therapist replied to your request to move this session: “I am not free then, I am sorry. Let us keep our usual time.”',
    ),
  ).toBeVisible();
  await expect(next.getByRole('button', { name: `Ask to move: ${longDate(second)}` })).toBeVisible();
  await expectAccessible(cp, 'client sessions after a declined request');
  await shot(cp, 'frame-client-move-declined');
  expectNoPageProblems(clientSide as Watched);
});

test('when the sessions cannot be loaded, the page says so and can try again', async () => {
  const { cp } = sides();
  await cp.route('**/api/frame/me', (route) =>
    route.fulfill({ status: 503, contentType: 'application/json', body: '{"error":"unavailable"}' }),
  );
  await cp.goto('/sessions/charges');
  const alert = cp.getByRole('alert');
  await expect(alert).toContainText('Something went wrong on our side.');
  await expectAccessible(cp, 'charges that could not be loaded');
  await cp.unroute('**/api/frame/me');
  await alert.getByRole('button', { name: 'Try again' }).click();
  await expect(cp.getByRole('region', { name: 'Balance' }).getByText(FEE)).toBeVisible();
  // The refusal above was staged by this test; Chromium logs it as a failed resource.
  const side = clientSide as Watched;
  side.problems = side.problems.filter((p) => !/status of 503/.test(p));
  expectNoPageProblems(side);
});

test('the client’s sessions fit a phone', async () => {
  const { cp } = sides();
  await cp.setViewportSize({ width: 375, height: 740 });
  for (const path of ['/sessions', '/sessions/away', '/sessions/charges']) {
    await cp.goto(path);
    await expect(cp.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(cp.getByText('Loading…')).toHaveCount(0);
    const overflow = await cp.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `no sideways scrolling on ${path} at 375 px`).toBeLessThanOrEqual(0);
    await expectAccessible(cp, `${path} at 375 px`);
  }
  await shot(cp, 'frame-client-charges-phone');
  await cp.goto('/sessions');
  await expect(cp.getByRole('region', { name: 'Your next session' })).toBeVisible();
  await shot(cp, 'frame-client-sessions-phone');
  await cp.setViewportSize({ width: 1280, height: 800 });
  expectNoPageProblems(clientSide as Watched);
});
