import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectAccessible } from '../support/accessibility';
import { addDays, longDate, weekdayOf } from '../support/dates';
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
 * The therapist's side of the frame, against the real server and PostgreSQL: frame settings (fees,
 * policy in words, rooms, a calendar feed shown once and revoked), a client's frame from assessment
 * to ending (a consultation, the agreement in words, a clash refused beside the form, a session
 * moved, the client's requests to move answered, attendance marked with the charge it makes, the
 * ledger with a waiver and an adjustment, pause and resume, an ending date with the sessions left,
 * the end with a closing summary), the week's calendar, breaks (a therapist's own, the practice's,
 * bank holidays) and the admin's rooms without client names. Much of it by keyboard, and axe on
 * every screen.
 *
 * This file starts its own server (e2e/start-server.mjs: fresh data directory and database), so it
 * can set up a practice from scratch whatever ran before it against the shared one.
 */
test.describe.configure({ mode: 'serial' });

const run = Date.now().toString(36);
const admin: Person = {
  name: 'Alma Admin',
  email: `alma.${run}@frame-therapist.test`,
  password: 'harbour lantern meadow 47 quietly',
};
const therapist: Person = {
  name: 'Tessa Therapist',
  email: `tessa.${run}@frame-therapist.test`,
  password: 'copper kettle orchard 19 slowly',
};
const client: Person = {
  name: 'Colin Client',
  email: `colin.${run}@example.test`,
  password: 'violet tides under 83 bridges',
};

const LONDON = 'Europe/London';

let server: OwnServer | undefined;
let origin = '';
let adminSide: Watched | undefined;
let therapistSide: Watched | undefined;
let clientSide: Watched | undefined;

// ---------- Dates and times, relative to the moment the test runs, in London ----------

function partsIn(zone: string, at: Date): Record<string, string> {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  })
    .formatToParts(at)
    .reduce<Record<string, string>>((acc, p) => ({ ...acc, [p.type]: p.value }), {});
}

function isoDate(at: Date, zone = LONDON): string {
  const p = partsIn(zone, at);
  return `${p.year}-${p.month}-${p.day}`;
}

function wallTime(at: Date, zone = LONDON): string {
  const p = partsIn(zone, at);
  return `${p.hour}:${p.minute}`;
}

/** "Thu 14 Jan", as the app's buttons name a session. */
function shortDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short' }).format(
    new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1, 12)),
  );
}

// Today, and the regular sessions: 08:10 on the weekday of tomorrow and of three days on (never
// today's weekday). Chosen with the consultation below, when the journey that agrees the frame starts
// (not when the file loads: the day may change while the server starts and the practice is set up,
// and the frame would then start “today” in the past).
let today = '';
let first = '';
let second = '';
// A consultation in a minute or two, so it has begun (and can be marked) later in the run. Chosen
// when the journey that books it starts (not when the file loads: starting the server and the
// earlier journeys can take longer than a minute on a busy machine).
let consultationAt = new Date(0);
let consultationDate = '';
let consultationTime = '';

test.beforeAll(async () => {
  test.setTimeout(150_000);
  server = await startOwnServer();
  origin = server.origin;
});

test.afterAll(async () => {
  for (const side of [adminSide, therapistSide, clientSide]) await side?.context.close();
  await server?.stop();
});

// ---------- Helpers ----------

const nav = (page: Page) => page.getByRole('navigation', { name: 'Main' });

function sides() {
  if (!adminSide || !therapistSide || !clientSide) throw new Error('the practice was not set up');
  return { ap: adminSide.page, tp: therapistSide.page, cp: clientSide.page };
}

/** Presses Tab until `target` has focus (at most `limit` times): proves it can be reached by keyboard. */
async function tabTo(page: Page, target: Locator, limit = 40): Promise<void> {
  for (let i = 0; i < limit; i += 1) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target, 'reachable with the Tab key').toBeFocused();
}

async function openClient(tp: Page): Promise<void> {
  await tp.goto('/clients');
  await tp.getByRole('list', { name: 'Clients' }).getByRole('link', { name: client.name }).click();
  await expect(tp.getByRole('heading', { level: 1, name: client.name })).toBeVisible();
  await expect(tp.getByText('Loading…')).toHaveCount(0);
}

/** The client asks to move a session, as their own page does it. */
async function clientAsksToMove(cp: Page, date: string, message: string): Promise<void> {
  const mine = (await (await cp.request.get('/api/frame/me')).json()) as {
    upcoming: { id: string; localStart: string; status: string }[];
  };
  const session = mine.upcoming.find((a) => a.localStart.startsWith(date) && a.status === 'scheduled');
  expect(session, `a session on ${date}`).toBeTruthy();
  const asked = await cp.request.post(`/api/frame/appointments/${session?.id ?? ''}/move-request`, {
    headers: { 'X-Undercurrent-CSRF': '1' },
    data: { message },
  });
  expect(asked.ok()).toBe(true);
}

// ---------- The practice ----------

test('a practice with an administrator, a therapist and a client in her care', async ({ browser }) => {
  adminSide = await openPerson(browser, origin);
  const page = adminSide.page;
  await page.goto('/');
  await expect(page).toHaveURL(/\/setup$/);
  await page.getByLabel('Practice name').fill('Eastgate Psychotherapy');
  await page.getByLabel('Your name').fill(admin.name);
  await page.getByLabel('E-mail address').fill(admin.email);
  await choosePassword(page, 'Choose a password', admin.password);
  await page.getByRole('button', { name: 'Create practice' }).click();
  await enrolAuthenticator(page, admin, 'frame-t-admin');

  await nav(page).getByRole('link', { name: 'Invitations' }).click();
  await page.getByLabel('Name').fill(therapist.name);
  await page.getByLabel('E-mail address').fill(therapist.email);
  await page.getByLabel('Role').selectOption({ label: 'Therapist' });
  await page.getByRole('button', { name: 'Send invitation' }).click();
  await expect(page.getByText(`Invitation sent to ${therapist.email}.`)).toBeVisible();
  const therapistLink = await linkFromOutbox(page, therapist.email, 'frame-t-admin');

  therapistSide = await openPerson(browser, origin);
  const tp = therapistSide.page;
  await acceptInvitation(tp, therapistLink, therapist, 'frame-t-therapist');
  await enrolAuthenticator(tp, therapist, 'frame-t-therapist');
  for (const link of ['My clients', 'Calendar', 'Breaks', 'Frame settings']) {
    await expect(nav(tp).getByRole('link', { name: link })).toBeVisible();
  }
  await expect(nav(tp).getByRole('link', { name: 'Rooms' })).toHaveCount(0);
  await expect(nav(page).getByRole('link', { name: 'Rooms' })).toBeVisible();
  await expect(nav(page).getByRole('link', { name: 'Calendar' })).toHaveCount(0);

  // The caseload before anyone is in care: what it is for, and the way to invite.
  await nav(tp).getByRole('link', { name: 'My clients' }).click();
  await expect(tp.getByRole('heading', { level: 1, name: 'My clients' })).toBeVisible();
  await expect(tp.getByText(/^No clients yet\./)).toBeVisible();
  await expectAccessible(tp, 'caseload (empty)');
  await tp.getByRole('link', { name: 'Invite a client' }).first().click();
  await expect(tp).toHaveURL(/\/clients\/invite$/);
  await tp.getByLabel('Name').fill(client.name);
  await tp.getByLabel('E-mail address').fill(client.email);
  await tp.getByRole('button', { name: 'Send invitation' }).click();
  await expect(tp.getByText(`Invitation sent to ${client.email}.`)).toBeVisible();

  const clientLink = await linkFromOutbox(page, client.email, 'frame-t-admin');
  clientSide = await openPerson(browser, origin);
  await acceptInvitation(clientSide.page, clientLink, client, 'frame-t-client');
  await agreeToPolicy(clientSide.page);
  await expect(clientSide.page.getByRole('heading', { level: 1, name: `Hello, ${client.name}` })).toBeVisible();

  // A client has no therapist's pages.
  await clientSide.page.goto('/calendar');
  await expect(clientSide.page.getByRole('heading', { level: 1, name: 'Not available to you' })).toBeVisible();

  for (const side of [adminSide, therapistSide, clientSide]) expectNoPageProblems(side);
});

// ---------- Settings ----------

test('frame settings: fees and the policy in words, checked before saving; rooms; a feed shown once', async ({
  playwright,
}) => {
  const { tp } = sides();
  await nav(tp).getByRole('link', { name: 'Frame settings' }).click();
  await expect(tp.getByRole('heading', { level: 1, name: 'Frame settings' })).toBeVisible();
  const form = tp.getByRole('form', { name: 'Your frame' });
  await expect(form.getByLabel('Time zone')).toHaveValue(LONDON);
  await expect(form.getByLabel('Session length (minutes)')).toHaveValue('50');
  await expect(
    form.getByText(/^In words:.*less than 48 hours’ notice is late, and the full fee is charged\./),
  ).toBeVisible();
  await expectAccessible(tp, 'frame settings');
  await shot(tp, 'frame-t-settings');

  // Money in pounds, checked as typed; the policy's words follow the fields.
  await form.getByLabel('Consultation (£)').fill('forty');
  await form.getByLabel('Session (£)').fill('70.505');
  await form.getByLabel('Share of the fee charged (%)').fill('50');
  await expect(form.getByText(/50% of the fee is charged\./)).toBeVisible();
  await form.getByRole('button', { name: 'Save settings' }).click();
  await expect(form.getByText('Enter the amount in pounds and pence, for example 72.50.')).toBeVisible();
  await expect(form.getByText('Use at most two figures for the pence, for example 72.50.')).toBeVisible();
  await expect(form.getByLabel('Consultation (£)')).toBeFocused();
  await expectAccessible(tp, 'frame settings with errors');
  await form.getByLabel('Consultation (£)').fill('40');
  await expect(form.getByText('Enter the amount in pounds and pence, for example 72.50.')).toHaveCount(0);
  await form.getByLabel('Session (£)').fill('70');
  await form.getByLabel('Share of the fee charged (%)').fill('100');
  // The working week: add Saturday mornings, by keyboard.
  const rows = await form.getByRole('button', { name: /^Remove working hours / }).count();
  const added = `(working hours ${rows + 1})`;
  const addHours = form.getByRole('button', { name: 'Add working hours' });
  await addHours.focus();
  await tp.keyboard.press('Enter');
  await form.getByLabel(`Day ${added}`).selectOption({ label: 'Saturday' });
  await form.getByLabel(`From ${added}`).fill('09:00');
  await form.getByLabel(`To ${added}`).fill('08:00');
  await form.getByRole('button', { name: 'Save settings' }).click();
  await expect(form.getByText('The end must be after the start.')).toBeVisible();
  await form.getByLabel(`To ${added}`).fill('12:00');
  await form.getByRole('button', { name: 'Save settings' }).click();
  await expect(tp.getByText('Your settings have been saved.')).toBeVisible();
  await tp.reload();
  await expect(tp.getByRole('form', { name: 'Your frame' }).getByLabel('Consultation (£)')).toHaveValue('40');
  await expect(tp.getByRole('form', { name: 'Your frame' }).getByLabel(`Day ${added}`)).toHaveValue('6');

  // Rooms and online places.
  const places = tp.getByRole('region', { name: 'Rooms and online places' });
  await expect(places.getByText('No rooms or online places yet.')).toBeVisible();
  await places.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(places.getByText('Give the room or place a name.')).toBeVisible();
  await places.getByLabel('Name', { exact: true }).fill('Room 2');
  await places.getByLabel('Address or link').fill('12 High Street, first floor');
  await places.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(tp.getByText('Room 2 has been added.')).toBeVisible();
  await places.getByLabel('Name', { exact: true }).fill('Room 2');
  await places.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(places.getByText('There is already a location called “Room 2”.').first()).toBeVisible();
  await places.getByLabel('Name', { exact: true }).fill('Video');
  await places.getByLabel('Kind').selectOption({ label: 'Online' });
  await places.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(tp.getByText('Video has been added.')).toBeVisible();
  await expectAccessible(tp, 'frame settings with rooms');

  // A calendar feed: the address is shown once, works without signing in, and stops when revoked.
  const feeds = tp.getByRole('region', { name: 'Calendar feeds' });
  await feeds.getByRole('button', { name: 'Create a feed address' }).click();
  await expect(feeds.getByRole('heading', { name: 'Your new feed address' })).toBeFocused();
  const url = await feeds.getByRole('textbox', { name: 'Feed address' }).inputValue();
  expect(url).toMatch(new RegExp(`^${origin}/calendar/.+\\.ics$`));
  await expectAccessible(tp, 'new feed address');
  await shot(tp, 'frame-t-feed');
  const outsider = await playwright.request.newContext();
  const feed = await outsider.get(url);
  expect(feed.ok()).toBe(true);
  expect(feed.headers()['content-type']).toMatch(/^text\/calendar/);
  await feeds.getByRole('button', { name: 'I have copied it' }).click();
  await expect(feeds.getByRole('button', { name: 'Create a feed address' })).toBeFocused();
  await expect(feeds.getByRole('textbox', { name: 'Feed address' })).toHaveCount(0);
  await feeds.getByRole('button', { name: /^Revoke the feed created / }).click();
  const confirm = tp.getByRole('alertdialog');
  await expect(confirm.getByRole('heading', { name: 'Revoke this feed address?' })).toBeVisible();
  await confirm.getByRole('button', { name: 'Revoke' }).click();
  await expect(tp.getByText('The feed address has been revoked.')).toBeVisible();
  await expect(feeds.getByRole('heading', { name: 'Calendar feeds' })).toBeFocused();
  await expect(feeds.getByText('No calendar feeds yet.')).toBeVisible();
  expect((await outsider.get(url)).status()).toBe(404);
  await outsider.dispose();
  expectNoPageProblems(therapistSide as Watched);
});

// ---------- A client's frame ----------

test('a client’s frame: assessment, a consultation, the frame agreed in words, a clash refused, a move', async () => {
  today = isoDate(new Date());
  first = addDays(today, 1);
  second = addDays(today, 3);
  consultationAt = new Date(Math.ceil((Date.now() + 75_000) / 60_000) * 60_000);
  consultationDate = isoDate(consultationAt);
  consultationTime = wallTime(consultationAt);
  const { tp } = sides();
  await tp.goto('/clients');
  const row = tp.getByRole('list', { name: 'Clients' }).getByRole('listitem').filter({ hasText: client.name });
  await expect(row.getByText('No treatment yet')).toBeVisible();
  await expect(row.getByText('Nothing booked')).toBeVisible();
  await expectAccessible(tp, 'caseload');
  await row.getByRole('link', { name: client.name }).click();
  await expect(tp.getByRole('heading', { level: 1, name: client.name })).toBeVisible();
  await expectAccessible(tp, 'client frame (nothing yet)');

  await tp.getByRole('button', { name: 'Begin an assessment' }).click();
  await expect(tp.getByText('An assessment has begun.')).toBeVisible();
  await expect(tp.getByRole('heading', { level: 1, name: client.name })).toBeFocused();
  const treatment = tp.getByRole('region', { name: 'Treatment' });
  await expect(treatment.getByText('Assessment', { exact: true })).toBeVisible();

  // A consultation, booked by keyboard, a minute or two from now.
  const bookToggle = treatment.getByRole('button', { name: 'Book a consultation or assessment' });
  await tabTo(tp, bookToggle);
  await tp.keyboard.press('Enter');
  await expect(bookToggle).toHaveAttribute('aria-expanded', 'true');
  const book = tp.getByRole('form', { name: 'Book a consultation or assessment' });
  await expect(book.getByText('The fee for this kind in your settings: £40.')).toBeVisible();
  await book.getByLabel('Date').fill(consultationDate);
  await book.getByLabel('Time', { exact: true }).fill(consultationTime);
  await book.getByLabel('Length (minutes)').fill('30');
  await book.getByLabel('Room or place').selectOption({ label: 'Room 2' });
  await expectAccessible(tp, 'book a consultation');
  await book.getByLabel('Length (minutes)').press('Enter');
  await expect(tp.getByText(/^Booked for .*, \d\d:\d\d\.$/)).toBeVisible();
  await expect(bookToggle).toBeFocused();

  // The agreement: twice weekly at 08:10, Room 2, £70, open-ended, from today.
  await treatment.getByRole('button', { name: 'Agree the frame' }).click();
  const agreement = tp.getByRole('form', { name: 'Agree the frame' });
  await expect(agreement.getByLabel('Fee for each session (£)')).toHaveValue('70');
  await agreement.getByLabel('Time of session 1 in the week').fill('');
  await agreement.getByRole('button', { name: 'Add a session in the week' }).click();
  await agreement.getByLabel('Fee for each session (£)').fill('');
  await agreement.getByRole('button', { name: 'Agree the frame' }).click();
  await expect(agreement.getByText('Enter a time, for example 09:00.')).toHaveCount(2);
  await expect(agreement.getByText('Two sessions are on the same day at the same time.')).toHaveCount(0);
  await expect(agreement.getByText('Enter an amount in pounds, for example 70 or 72.50.')).toBeVisible();
  await expect(agreement.getByLabel('Time of session 1 in the week')).toBeFocused();
  await expectAccessible(tp, 'agreement with errors');
  await agreement.getByLabel('Day of session 1 in the week').selectOption(String(weekdayOf(first)));
  await agreement.getByLabel('Time of session 1 in the week').fill('08:10');
  await agreement.getByLabel('Day of session 2 in the week').selectOption(String(weekdayOf(first)));
  await agreement.getByLabel('Time of session 2 in the week').fill('08:10');
  await expect(agreement.getByText('Two sessions are on the same day at the same time.')).toBeVisible();
  await agreement.getByLabel('Day of session 2 in the week').selectOption(String(weekdayOf(second)));
  await agreement.getByLabel('Room or place').selectOption({ label: 'Room 2' });
  await agreement.getByLabel('Fee for each session (£)').fill('70');
  await agreement.getByLabel('First session on or after').fill(today);
  const days = [weekdayOf(first), weekdayOf(second)].sort();
  const names = ['', 'Mondays', 'Tuesdays', 'Wednesdays', 'Thursdays', 'Fridays', 'Saturdays', 'Sundays'];
  const inWords = `Twice weekly, ${names[days[0] ?? 0]} 08:10 and ${names[days[1] ?? 0]} 08:10, Room 2, £70 a session, open-ended, from`;
  await expect(agreement.getByText(inWords)).toBeVisible();
  await expectAccessible(tp, 'agreement filled in');
  await shot(tp, 'frame-t-agreement');
  await agreement.getByRole('button', { name: 'Agree the frame' }).click();
  await expect(tp.getByText('The frame is agreed and the sessions are in the diary.')).toBeVisible();
  await expect(treatment.getByText('Active', { exact: true })).toBeVisible();
  await expect(treatment.getByText(inWords)).toBeVisible();
  await expect(treatment.getByText(/^Your usual policy:/)).toBeVisible();

  const upcoming = tp.getByRole('list', { name: 'Coming up' });
  const firstSession = upcoming.getByRole('listitem').filter({ hasText: longDate(first) });
  await expect(firstSession.getByText('08:10–09:00')).toBeVisible();
  await expect(firstSession.getByText('Booked', { exact: true })).toBeVisible();
  await expectAccessible(tp, 'client frame, agreed');
  await shot(tp, 'frame-t-agreed');

  // Moving the first session onto the second is a clash: said in the dialog, and nothing moves.
  await firstSession.getByRole('button', { name: `Move: ${shortDate(first)}, 08:10` }).click();
  const move = tp.getByRole('dialog');
  await expect(move.getByRole('heading', { name: `Move ${longDate(first)}, 08:10` })).toBeVisible();
  await move.getByLabel('New date').fill(second);
  await move.getByRole('button', { name: 'Move session' }).click();
  await expect(move.getByRole('alert')).toContainText(
    `${longDate(second).replace(',', '')} at 08:10 clashes with another session of yours (08:10–09:00).`,
  );
  await expectAccessible(tp, 'move refused as a clash');
  await shot(tp, 'frame-t-move-clash');
  // One day on at noon is free.
  await move.getByLabel('New date').fill(addDays(first, 1));
  await move.getByLabel('New time').fill('12:00');
  await move.getByRole('button', { name: 'Move session' }).click();
  await expect(move).toHaveCount(0);
  await expect(
    tp.getByText(`${shortDate(first)}, 08:10 moved to ${shortDate(addDays(first, 1))}, 12:00.`),
  ).toBeVisible();
  const moved = upcoming.getByRole('listitem').filter({ hasText: longDate(addDays(first, 1)) });
  await expect(moved.getByText(/moved from another time/)).toBeVisible();
  await expect(firstSession.getByText('Moved', { exact: true })).toBeVisible();
  await expect(tp.getByRole('heading', { name: 'Sessions', exact: true })).toBeFocused();
  expectNoPageProblems(therapistSide as Watched);
});

test('the client asks to move sessions: one is moved, one declined with a note', async () => {
  const { tp, cp } = sides();
  await clientAsksToMove(cp, second, 'Could we meet at 17:00 that day? I have a hospital appointment.');
  await clientAsksToMove(cp, addDays(second, 7), 'Could that one be on Friday?');

  await tp.goto('/clients');
  await expect(tp.getByText('2 requests to move a session', { exact: true })).toBeVisible();
  await expect(tp.getByText(/^2 requests to move a session are waiting\./)).toBeVisible();
  await openClient(tp);
  const requests = tp.getByRole('region', { name: 'Requests to move a session' });
  await expect(requests.getByText('Could we meet at 17:00 that day? I have a hospital appointment.')).toBeVisible();
  await expectAccessible(tp, 'requests to move');
  await shot(tp, 'frame-t-requests');

  const asked = requests.getByRole('listitem').filter({ hasText: 'hospital appointment' });
  await asked.getByRole('button', { name: /^Move this session: / }).click();
  const dialog = tp.getByRole('dialog');
  await dialog.getByLabel('New time').fill('17:00');
  await dialog.getByRole('button', { name: 'Move session' }).click();
  await expect(tp.getByText(`${shortDate(second)}, 08:10 moved to ${shortDate(second)}, 17:00.`)).toBeVisible();
  await expect(requests.getByText('hospital appointment')).toHaveCount(0);

  await requests.getByRole('button', { name: /^Decline: / }).click();
  const decline = tp.getByRole('dialog');
  await expect(decline.getByRole('heading', { name: 'Decline this request?' })).toBeVisible();
  await decline.getByLabel('Note to the client').fill('I am sorry, Friday is not possible that week.');
  await expectAccessible(tp, 'decline a request');
  await decline.getByRole('button', { name: 'Decline' }).click();
  await expect(tp.getByText('The request was declined; the client has been told.')).toBeVisible();
  await expect(tp.getByRole('region', { name: 'Requests to move a session' })).toHaveCount(0);
  await expect(tp.getByRole('heading', { level: 1, name: client.name })).toBeFocused();
  expectNoPageProblems(therapistSide as Watched);
});

test('attendance by keyboard, with the charge it makes; the ledger: re-marking, a waiver, an adjustment', async () => {
  test.setTimeout(240_000);
  const { tp } = sides();
  // Wait for the consultation to begin: only then can it be marked.
  const wait = consultationAt.getTime() - Date.now() + 1_500;
  if (wait > 0) await tp.waitForTimeout(wait);
  await openClient(tp);
  const past = tp.getByRole('list', { name: 'Past' });
  const consultation = past.getByRole('listitem').filter({ hasText: 'Consultation' });
  await expect(consultation.getByText('Not marked yet')).toBeVisible();
  await expect(tp.getByText('1 past session is not marked yet.')).toBeVisible();

  // By keyboard: open the dialog, keep "Attended", save.
  const mark = consultation.getByRole('button', { name: /^Mark: / });
  await tabTo(tp, mark, 80);
  await tp.keyboard.press('Enter');
  const dialog = tp.getByRole('dialog');
  await expect(dialog.getByRole('heading', { name: /^What happened: / })).toBeVisible();
  await expect(dialog.getByRole('radio', { name: 'Attended' })).toBeChecked();
  await expect(
    dialog.getByText(/^For this client: A cancellation with less than 48 hours’ notice is late/),
  ).toBeVisible();
  await expectAccessible(tp, 'attendance dialog');
  await tabTo(tp, dialog.getByRole('radio', { name: 'Attended' }));
  await tabTo(tp, dialog.getByRole('button', { name: 'Save' }));
  await tp.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(tp.getByText(/: attended\. Charged £40\.00 \(.+\)\.$/)).toBeVisible();
  await expect(consultation.getByText('Attended', { exact: true })).toBeVisible();
  const ledger = tp.getByRole('region', { name: 'Charges' });
  await expect(ledger.getByText('£40.00 owed')).toBeVisible();

  // It was in fact cancelled by the client the day before: a late cancellation by the policy.
  await consultation.getByRole('button', { name: /^Change: / }).click();
  await dialog.getByRole('radio', { name: 'The client cancelled' }).focus();
  await expect(dialog.getByRole('radio', { name: 'The client cancelled' })).toBeFocused();
  await tp.keyboard.press('Space');
  await expect(dialog.getByRole('group', { name: 'When did they tell you?' })).toBeVisible();
  const dayBefore = addDays(consultationDate, -1);
  await dialog.getByLabel('Date they told you').fill(dayBefore);
  await dialog.getByLabel('Time they told you').fill('18:30');
  await expectAccessible(tp, 'attendance dialog, a client cancellation');
  await shot(tp, 'frame-t-attendance');
  await dialog.getByLabel('Time they told you').press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(
    tp.getByText(/: client cancelled late\. Charged £40\.00 \(.+\)\. The earlier charge was reversed\.$/),
  ).toBeVisible();
  await expect(consultation.getByText('Client cancelled late')).toBeVisible();
  const rows = ledger.getByRole('row');
  await expect(rows.filter({ hasText: 'Reversed' })).toHaveCount(1);
  await expect(ledger.getByText('£40.00 owed')).toBeVisible();

  // Waived, with a reason; the reversal stays in the history.
  await expect(ledger.getByRole('button', { name: /^Waive: / })).toHaveCount(1);
  await ledger.getByRole('button', { name: /^Waive: / }).click();
  const waive = tp.getByRole('dialog');
  await expect(waive.getByRole('heading', { name: 'Waive £40.00?' })).toBeVisible();
  await waive.getByRole('button', { name: 'Waive' }).click();
  await expect(waive.getByText('Say why the charge is waived.')).toBeVisible();
  await expectAccessible(tp, 'waive with an error');
  await waive.getByLabel('Reason').fill('A family emergency.');
  await waive.getByRole('button', { name: 'Waive' }).click();
  await expect(tp.getByText('The charge has been waived.')).toBeVisible();
  await expect(ledger.getByText('Nothing owed')).toBeVisible();
  await expect(ledger.getByRole('button', { name: /^Waive: / })).toHaveCount(0);
  await expect(rows.filter({ hasText: 'Reversed' })).toHaveCount(2);

  // An adjustment: a credit, in pounds.
  await ledger.getByText('Add an adjustment').click();
  const adjust = ledger.getByRole('form', { name: 'Add an adjustment' });
  await adjust.getByLabel('Charge or credit').selectOption({ label: 'A credit to the client' });
  await adjust.getByLabel('Amount (£)').fill('0');
  await adjust.getByRole('button', { name: 'Add to the ledger' }).click();
  await expect(adjust.getByText('Enter an amount other than zero.')).toBeVisible();
  await expect(adjust.getByText(/^Describe the adjustment/)).toBeVisible();
  await adjust.getByLabel('Amount (£)').fill('12.50');
  await adjust.getByLabel('Description').fill('Overpayment in December');
  await adjust.getByRole('button', { name: 'Add to the ledger' }).click();
  await expect(tp.getByText('The adjustment has been added.')).toBeVisible();
  await expect(ledger.getByText('£12.50 in credit')).toBeVisible();
  await expect(rows.filter({ hasText: 'Overpayment in December' }).getByText('-£12.50')).toBeVisible();
  await expectAccessible(tp, 'ledger');
  await shot(tp, 'frame-t-ledger');
  expectNoPageProblems(therapistSide as Watched);
});

// ---------- The week ----------

test('the week’s calendar lists each day’s sessions, and moves between weeks by link', async () => {
  const { tp } = sides();
  await nav(tp).getByRole('link', { name: 'Calendar' }).click();
  await expect(tp.getByRole('heading', { level: 1, name: 'Calendar' })).toBeVisible();
  await expect(tp.getByText(/Times are in London time\.$/)).toBeVisible();
  // The week holding the moved session (tomorrow + 1, at noon).
  const day = addDays(first, 1);
  // Count the day's list only once the week shown has loaded, and step a week at a time, waiting for
  // each: counting before the answer arrives would skip past the week wanted.
  const weekHeading = tp.getByRole('heading', { level: 2, name: /^Week of / });
  for (let i = 0; i < 2; i += 1) {
    await expect(tp.getByText(/ this week[;.]/)).toBeVisible();
    if (await tp.getByRole('list', { name: `Sessions on ${longDate(day)}` }).count()) break;
    const shown = await weekHeading.textContent();
    await tp.getByRole('link', { name: /Next week/ }).click();
    await expect(weekHeading).not.toHaveText(shown ?? '');
  }
  const list = tp.getByRole('list', { name: `Sessions on ${longDate(day)}` });
  await expect(list.getByRole('listitem').filter({ hasText: '12:00–12:50' })).toContainText(client.name);
  await expect(list.getByRole('listitem').filter({ hasText: '12:00–12:50' })).toContainText('Room 2');
  await expectAccessible(tp, 'calendar');
  await shot(tp, 'frame-t-calendar');
  await tp.getByRole('link', { name: /Previous week/ }).focus();
  await tp.keyboard.press('Enter');
  await expect(tp).toHaveURL(/\?week=\d{4}-\d{2}-\d{2}$/);
  await expect(list).toHaveCount(0);
  await tp.getByRole('link', { name: /Next week/ }).click();
  await list.getByRole('link', { name: client.name }).first().click();
  await expect(tp.getByRole('heading', { level: 1, name: client.name })).toBeVisible();
  expectNoPageProblems(therapistSide as Watched);
});

// ---------- Breaks and rooms ----------

test('breaks: the therapist’s own cancels and restores sessions; the admin’s bank holidays and rooms', async () => {
  const { tp, ap } = sides();
  const start = addDays(today, 7);
  const end = addDays(today, 13);
  await nav(tp).getByRole('link', { name: 'Breaks' }).click();
  await expect(tp.getByRole('heading', { level: 1, name: 'Breaks' })).toBeVisible();
  const form = tp.getByRole('form', { name: 'Add a break' });
  await expect(form.getByRole('radio')).toHaveCount(0);
  await form.getByRole('button', { name: 'Add the break' }).click();
  await expect(form.getByText('Say what the break is, for example “Summer break”.')).toBeVisible();
  await expectAccessible(tp, 'breaks with errors');
  await form.getByLabel('What it is').fill('Study week');
  await form.getByLabel('First day').fill(end);
  await form.getByLabel('Last day').fill(start);
  await form.getByRole('button', { name: 'Add the break' }).click();
  await expect(form.getByText('The last day must be on or after the first day.')).toBeVisible();
  await form.getByLabel('First day').fill(start);
  await form.getByLabel('Last day').fill(end);
  await form.getByRole('button', { name: 'Add the break' }).click();
  await expect(
    tp.getByText('The break has been added. 2 sessions were cancelled and each client has been told.'),
  ).toBeVisible();
  const own = tp.getByRole('list', { name: 'Your breaks: Coming up' });
  await expect(own.getByText('Study week')).toBeVisible();
  await expectAccessible(tp, 'breaks');
  await shot(tp, 'frame-t-breaks');

  await openClient(tp);
  const cancelled = tp
    .getByRole('list', { name: 'Coming up' })
    .getByRole('listitem')
    .filter({ hasText: 'Break: Study week' });
  await expect(cancelled).toHaveCount(2);

  await nav(tp).getByRole('link', { name: 'Breaks' }).click();
  await own.getByRole('button', { name: 'Remove Study week' }).click();
  await tp.getByRole('alertdialog').getByRole('button', { name: 'Remove' }).click();
  await expect(tp.getByText('The break has been removed. 2 sessions are booked again.')).toBeVisible();
  await expect(tp.getByRole('heading', { level: 1, name: 'Breaks' })).toBeFocused();
  await openClient(tp);
  await expect(tp.getByText('Break: Study week')).toHaveCount(0);

  // The administrator: bank holidays and a practice break.
  await nav(ap).getByRole('link', { name: 'Breaks' }).click();
  await expect(ap.getByRole('heading', { level: 1, name: 'Breaks' })).toBeVisible();
  await expect(ap.getByText(/^This break is for the whole practice/)).toBeVisible();
  const holidays = ap.getByRole('region', { name: 'Bank holidays (England and Wales)' });
  await holidays.getByRole('button', { name: 'Import the chosen bank holidays' }).click();
  await expect(holidays.getByText('Choose at least one bank holiday.')).toBeVisible();
  await expectAccessible(ap, 'bank holidays with an error');
  await holidays
    .getByText(/, \w+day,? \d+ \w+ \d{4}$/)
    .first()
    .click();
  await holidays.getByRole('button', { name: 'Import the chosen bank holidays' }).click();
  await expect(ap.getByText(/^1 bank holiday imported; \d+ sessions? cancelled\.$/)).toBeVisible();
  const practice = ap.getByRole('region', { name: 'Practice breaks and bank holidays' });
  await expect(practice.getByText('Bank holiday', { exact: true })).toBeVisible();
  await expect(ap.getByRole('region', { name: 'Other therapists’ breaks' })).toHaveCount(0);
  const closure = ap.getByRole('form', { name: 'Add a break' });
  await closure.getByLabel('What it is').fill('Building work');
  await closure.getByLabel('First day').fill(addDays(today, 250));
  await closure.getByLabel('Last day').fill(addDays(today, 251));
  await closure.getByRole('button', { name: 'Add the break' }).click();
  await expect(ap.getByText('The break has been added. No sessions fell inside it.')).toBeVisible();
  await expect(practice.getByText('Building work')).toBeVisible();
  await practice.getByRole('button', { name: 'Remove Building work' }).click();
  await ap.getByRole('alertdialog').getByRole('button', { name: 'Remove' }).click();
  await expect(ap.getByText('The break has been removed.', { exact: true })).toBeVisible();
  await expect(practice.getByText('Building work')).toHaveCount(0);
  await expectAccessible(ap, 'admin breaks');
  await shot(ap, 'frame-t-admin-breaks');

  // Rooms: who uses Room 2 when, never whom they see.
  await nav(ap).getByRole('link', { name: 'Rooms' }).click();
  await expect(ap.getByRole('heading', { level: 1, name: 'Rooms' })).toBeVisible();
  await expect(ap.getByRole('region', { name: 'Rooms and online places' }).getByText('Room 2')).toBeVisible();
  const week = addDays(first, 1);
  // As in the calendar: look for the day only once the week shown has loaded, a week at a time.
  const roomTable = ap.getByRole('table', { name: 'Bookings in Room 2' });
  for (let i = 0; i < 2; i += 1) {
    await expect(roomTable.or(ap.getByText('Free all week.')).first()).toBeVisible();
    if (await roomTable.getByText(longDate(week)).count()) break;
    const shownUrl = ap.url();
    await ap.getByRole('link', { name: /Next week/ }).click();
    await expect(ap).not.toHaveURL(shownUrl);
  }
  const table = ap.getByRole('table', { name: 'Bookings in Room 2' });
  const booking = table.getByRole('row').filter({ hasText: longDate(week) });
  await expect(booking).toContainText('12:00–12:50');
  await expect(booking).toContainText(therapist.name);
  await expect(ap.getByRole('main')).not.toContainText(client.name);
  await expectAccessible(ap, 'rooms');
  await shot(ap, 'frame-t-rooms');
  expectNoPageProblems(adminSide as Watched);
  expectNoPageProblems(therapistSide as Watched);
});

// ---------- Pause, ending, end ----------

test('pause and resume; an ending date with the sessions left; the end with a closing summary', async () => {
  const { tp } = sides();
  await openClient(tp);
  const treatment = tp.getByRole('region', { name: 'Treatment' });

  await treatment.getByRole('button', { name: 'Pause' }).click();
  let dialog = tp.getByRole('dialog');
  await expect(dialog.getByRole('heading', { name: 'Pause the work' })).toBeVisible();
  await dialog.getByLabel('From').fill(addDays(today, 21));
  await expectAccessible(tp, 'pause dialog');
  await dialog.getByRole('button', { name: 'Pause' }).click();
  await expect(tp.getByText('The work is paused.')).toBeVisible();
  await expect(treatment.getByText('Paused', { exact: true })).toBeVisible();
  await treatment.getByRole('button', { name: 'Resume' }).click();
  dialog = tp.getByRole('dialog');
  await dialog.getByLabel('From').fill(addDays(today, 28));
  await dialog.getByRole('button', { name: 'Resume' }).click();
  await expect(tp.getByText('The work has resumed.')).toBeVisible();
  await expect(treatment.getByText('Active', { exact: true })).toBeVisible();

  await treatment.getByRole('button', { name: 'Set an ending date' }).click();
  dialog = tp.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Set the ending date' }).click();
  await expect(dialog.getByText('Enter the date the work ends.')).toBeVisible();
  await dialog.getByLabel('Last day of the work').fill(addDays(today, 42));
  await dialog.getByRole('button', { name: 'Set the ending date' }).click();
  await expect(tp.getByText(/^The ending date is set: \d+ sessions? remains?\.$/)).toBeVisible();
  await expect(treatment.getByText('Ending', { exact: true })).toBeVisible();
  const left = treatment.getByText('Sessions left').locator('xpath=following-sibling::dd');
  await expect.poll(async () => Number(await left.textContent())).toBeGreaterThan(0);
  await expectAccessible(tp, 'ending');
  await shot(tp, 'frame-t-ending');

  await treatment.getByRole('button', { name: 'End the work' }).click();
  dialog = tp.getByRole('dialog');
  await expect(dialog.getByLabel('Follow-up')).toHaveValue(/^\d{4}-\d{2}-\d{2}$/);
  await dialog.getByRole('button', { name: 'End the episode' }).click();
  await expect(dialog.getByText('Write a closing summary before ending the work.')).toBeVisible();
  await expect(dialog.getByLabel('Closing summary')).toBeFocused();
  await expectAccessible(tp, 'end dialog with an error');
  await dialog.getByLabel('Closing summary').fill('Worked through the loss of his father; ended by agreement.');
  await dialog.getByRole('button', { name: 'End the episode' }).click();
  await expect(tp.getByText('The episode has ended.')).toBeVisible();
  await expect(tp.getByRole('button', { name: 'Begin a new episode' })).toBeVisible();
  const earlier = tp.getByRole('region', { name: 'Earlier episodes' });
  await earlier.getByText('Closing summary').click();
  await expect(earlier.getByText('Worked through the loss of his father; ended by agreement.')).toBeVisible();
  await expectAccessible(tp, 'ended');
  await shot(tp, 'frame-t-ended');

  await tp.goto('/clients');
  const row = tp.getByRole('list', { name: 'Clients' }).getByRole('listitem').filter({ hasText: client.name });
  await expect(row.getByText('Ended')).toBeVisible();
  expectNoPageProblems(therapistSide as Watched);
});

test('the therapist’s frame pages fit a phone', async () => {
  const { tp } = sides();
  await tp.setViewportSize({ width: 375, height: 740 });
  for (const path of ['/clients', '/calendar', '/frame/settings', '/breaks']) {
    await tp.goto(path);
    await expect(tp.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(tp.getByText('Loading…')).toHaveCount(0);
    const overflow = await tp.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `no sideways scrolling on ${path} at 375 px`).toBeLessThanOrEqual(0);
    await expectAccessible(tp, `${path} at 375 px`);
  }
  await openClient(tp);
  const overflow = await tp.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, 'no sideways scrolling on a client’s frame at 375 px').toBeLessThanOrEqual(0);
  await expectAccessible(tp, 'client frame at 375 px');
  await shot(tp, 'frame-t-client-phone');
  await tp.setViewportSize({ width: 1280, height: 800 });
  expectNoPageProblems(therapistSide as Watched);
});
