import fs from 'node:fs/promises';
import { expect, test, type Download, type Page } from '@playwright/test';
import { expectAccessible } from '../support/accessibility';
import { expectNoPageProblems, openPerson, type Watched } from '../support/browser';
import { shot, signInWithPassword, type Person } from '../support/flows';
import { ownServerForFile } from '../support/own-server';
import { pdfTextOf } from '../support/pdf-text';
import { openFromMenu } from '../support/menu';
import { expectNoSidewaysScroll } from '../support/layout';

/**
 * A subject access request end to end, at phone size, against the real server and PostgreSQL (the
 * demo practice): Morgan Ellis (the admin) records a request for Priya; Dr Ruth Mensah withholds both
 * of her process notes about Priya, each with a reason; Morgan prepares the pack, downloads the PDF
 * and the JSON — which hold a session note's narrative from the demo and none of Ruth's process
 * notes — and records the delivery. Every page is checked with axe, in the light and dark theme.
 *
 * This file starts its own server with the demo practice seeded (e2e/start-server.mjs, UC_E2E_DEMO).
 */
test.describe.configure({ mode: 'serial' });

const PHONE = { width: 390, height: 844 };
const PASSWORD = 'northside demo morning light';
const morgan: Person = { name: 'Morgan Ellis', email: 'morgan.ellis@northside-demo.example', password: PASSWORD };
const ruth: Person = { name: 'Dr Ruth Mensah', email: 'ruth.mensah@northside-demo.example', password: PASSWORD };
const PRIYA = 'Priya Nair';

/** From the demo: a signed session note's narrative, and Ruth's two process notes (server demo/demo-record.ts). */
const NARRATIVE = 'She talked about the walk along the canal and the heron';
const PROCESS_NOTES = [
  'Found myself thinking about her on the train home',
  'A hunch, not yet for the record: the missed session and the lift dream belong together',
];

const run = Date.now().toString(36);
const NOTES = `Asked by e-mail on ${run} for everything we hold.`;
/** The day Morgan records the request (London), as the review page writes it. */
let TODAY = '';

let admin: Watched | undefined;
let therapist: Watched | undefined;
let requestPath = '';

const server = ownServerForFile({ demo: true });

test.afterAll(async () => {
  await admin?.context.close();
  await therapist?.context.close();
});

function adminPage(): Page {
  if (!admin) throw new Error('Morgan has not signed in');
  return admin.page;
}

async function setTheme(p: Page, theme: 'Dark' | 'Same as this device'): Promise<void> {
  await p.goto('/account');
  await p.getByRole('group', { name: 'Colours' }).getByRole('radio', { name: theme }).check();
  if (theme === 'Dark') await expect(p.locator('html')).toHaveAttribute('data-theme', 'dark');
}

async function downloaded(download: Download): Promise<Buffer> {
  const file = await download.path();
  return fs.readFile(file);
}

test('Morgan records a subject access request for Priya', async ({ browser }) => {
  admin = await openPerson(browser, server.origin, PHONE);
  const p = admin.page;
  await signInWithPassword(p, morgan);
  await openFromMenu(p, 'Subject access');
  await expect(p.getByRole('heading', { level: 1, name: 'Subject access requests' })).toBeVisible();
  // The demo's open request, received a week ago.
  const list = p.getByRole('list', { name: 'Subject access requests' });
  await expect(list.getByRole('link', { name: `Open the request from ${PRIYA}` })).toHaveCount(1);
  await expect(list.getByText(/days left$/)).toBeVisible();
  await expectAccessible(p, 'the subject access requests');
  await expectNoSidewaysScroll(p, 'the subject access requests');
  await shot(p, 'sar-list-phone');

  await p.getByRole('link', { name: 'Record a request' }).click();
  await expect(p.getByRole('heading', { level: 1, name: 'Record a subject access request' })).toBeVisible();
  // Without a client, the form says so and sends nothing.
  await p.getByRole('button', { name: 'Record the request' }).click();
  await expect(p.getByRole('alert')).toHaveText('Please choose the client whose request this is.');
  await p.getByLabel('Client', { exact: true }).selectOption({ label: PRIYA });
  await p.getByLabel('How the request was made').selectOption({ label: 'By e-mail' });
  await p.getByLabel('How identity was checked').selectOption({ label: 'Known to the practice (a current client)' });
  await p.getByRole('textbox', { name: /^Notes/ }).fill(NOTES);
  await expectAccessible(p, 'the new request form');
  await expectNoSidewaysScroll(p, 'the new request form');
  await shot(p, 'sar-new-phone');
  // Taken as the request is recorded (not when the file loads: the day may change before then).
  TODAY = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'Europe/London' }).format(new Date());
  await p.getByRole('button', { name: 'Record the request' }).click();

  await expect(p.getByRole('heading', { level: 1, name: `Subject access: ${PRIYA}` })).toBeVisible();
  requestPath = new URL(p.url()).pathname;
  await expect(p.getByText(NOTES)).toBeVisible();
  await expect(p.getByText('2 process notes by Dr Ruth Mensah:')).toBeVisible();
  await expect(p.getByText('awaiting a decision (0 of 2 decided)')).toBeVisible();
  await expect(p.getByText('No pack has been prepared yet.')).toBeVisible();
  await expectAccessible(p, 'the request');
  await expectNoSidewaysScroll(p, 'the request');
  await shot(p, 'sar-request-phone');
});

test('Ruth withholds her process notes about Priya, each with a reason', async ({ browser }) => {
  therapist = await openPerson(browser, server.origin, PHONE);
  const p = therapist.page;
  await signInWithPassword(p, ruth);
  await openFromMenu(p, 'Process notes to review');
  await expect(p.getByRole('heading', { level: 1, name: 'Subject access: process notes to review' })).toBeVisible();
  // Two open requests about Priya: the demo's and Morgan's new one (received today).
  const requests = p.getByRole('region', { name: PRIYA });
  await expect(requests).toHaveCount(2);
  const mine = requests.filter({ hasText: `Request received ${TODAY}` });
  await expect(mine).toHaveCount(1);
  for (const text of PROCESS_NOTES) await expect(mine.getByText(text, { exact: false })).toBeVisible();
  await expectAccessible(p, 'the process notes to review');
  await expectNoSidewaysScroll(p, 'the process notes to review');
  await shot(p, 'sar-review-phone');

  const notes = mine.getByRole('article');
  await expect(notes).toHaveCount(2);
  for (let i = 0; i < 2; i++) {
    const note = notes.nth(i);
    await expect(note.getByText('No decision yet: withheld')).toBeVisible();
    await note.getByRole('radio', { name: 'Withhold from the pack' }).check();
    await note.getByRole('textbox', { name: /^Reason/ }).fill(`My working notes, not a record of her care (${i + 1}).`);
    await note.getByRole('button', { name: 'Save the decision' }).click();
    await expect(note.getByText('Decision saved.')).toBeVisible();
    await expect(note.getByText('Withheld', { exact: true })).toBeVisible();
  }
  await expectAccessible(p, 'the process notes, decided');

  await setTheme(p, 'Dark');
  await p.goto('/subject-access/reviews');
  await expect(p.getByRole('region', { name: PRIYA })).toHaveCount(2);
  await expectAccessible(p, 'the process notes to review (dark)');
  await shot(p, 'sar-review-phone-dark');
  await setTheme(p, 'Same as this device');
  expectNoPageProblems(therapist);
});

test('Morgan prepares the pack, downloads it as PDF and JSON without process notes, and records delivery', async () => {
  const p = adminPage();
  await p.goto(requestPath);
  await expect(p.getByText('decided (0 included)')).toBeVisible();
  await p.getByRole('button', { name: 'Prepare the pack' }).click();
  await expect(p.getByText('Pack prepared.')).toBeVisible();
  await expect(p.getByRole('heading', { level: 3, name: 'Version 1' })).toBeVisible();
  await expect(p.getByText(/0 process notes included\.$/)).toBeVisible();
  await expectAccessible(p, 'the request with its pack');
  await expectNoSidewaysScroll(p, 'the request with its pack');
  await shot(p, 'sar-pack-phone');

  const [pdfDownload] = await Promise.all([
    p.waitForEvent('download'),
    p.getByRole('link', { name: 'Download version 1 as PDF' }).click(),
  ]);
  expect(pdfDownload.suggestedFilename()).toBe('subject-access-priya-nair-v1.pdf');
  const pdf = await pdfTextOf(await downloaded(pdfDownload));
  expect(pdf).toContain(`Your records: ${PRIYA}`);
  expect(pdf).toContain(NARRATIVE);
  for (const text of PROCESS_NOTES) expect(pdf, 'the PDF holds a process note').not.toContain(text);

  const [jsonDownload] = await Promise.all([
    p.waitForEvent('download'),
    p.getByRole('link', { name: 'Download version 1 as JSON' }).click(),
  ]);
  expect(jsonDownload.suggestedFilename()).toBe('subject-access-priya-nair-v1.json');
  const json = (await downloaded(jsonDownload)).toString('utf8');
  const pack = JSON.parse(json) as { client: { displayName: string }; sections: { key: string; data: unknown }[] };
  expect(pack.client.displayName).toBe(PRIYA);
  expect(pack.sections.find((s) => s.key === 'process_notes')?.data).toEqual({ notes: [] });
  expect(json).toContain(NARRATIVE);
  for (const text of PROCESS_NOTES) expect(json, 'the JSON holds a process note').not.toContain(text);

  const delivery = p.getByRole('region', { name: 'Record delivery' });
  await delivery.getByLabel('How it was delivered').selectOption({ label: 'Secure download' });
  await delivery.getByRole('button', { name: 'Record delivery' }).click();
  await expect(
    p.getByRole('region', { name: 'Deliveries' }).getByText(/^Version 1 · Secure download · /),
  ).toBeVisible();
  await expect(p.getByText('Delivered', { exact: true }).first()).toBeVisible();
  await expect(p.getByRole('button', { name: 'Prepare a new version' })).toHaveCount(0);
  await expectAccessible(p, 'the delivered request');
  await shot(p, 'sar-delivered-phone');

  // The dark theme, for the list, the form and the request.
  await setTheme(p, 'Dark');
  await p.goto(requestPath);
  await expect(p.getByRole('heading', { level: 1, name: `Subject access: ${PRIYA}` })).toBeVisible();
  await expectAccessible(p, 'the delivered request (dark)');
  await shot(p, 'sar-delivered-phone-dark');
  await p.goto('/admin/subject-access');
  await expect(p.getByRole('list', { name: 'Subject access requests' })).toBeVisible();
  await expectAccessible(p, 'the subject access requests (dark)');
  await p.goto('/admin/subject-access/new');
  await expect(p.getByRole('heading', { level: 1, name: 'Record a subject access request' })).toBeVisible();
  await expectAccessible(p, 'the new request form (dark)');
  await setTheme(p, 'Same as this device');
  expectNoPageProblems(admin as Watched);
});
