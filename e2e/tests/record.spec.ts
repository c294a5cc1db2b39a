import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectAccessible } from '../support/accessibility';
import { expectNoPageProblems, openPerson, type Watched } from '../support/browser';
import { shot, signInWithPassword, type Person } from '../support/flows';
import { ownServerForFile } from '../support/own-server';
import { openFromMenu } from '../support/menu';
import { expectNoSidewaysScroll } from '../support/layout';

/**
 * The clinical record end to end, at phone size, against the real server and PostgreSQL (the demo
 * practice): Dr Ruth Mensah opens Priya's session notes, writes the note of a session that has none
 * linking a dream Priya shared, rates two defences (and sees the ODF), signs it, adds an amendment
 * with a reason and sees it listed, then writes her private process note about the session and
 * sees it marked as private to her. Every page is checked with axe, in the light and dark theme.
 *
 * This file starts its own server with the demo practice seeded (e2e/start-server.mjs, UC_E2E_DEMO).
 */
test.describe.configure({ mode: 'serial' });

const PHONE = { width: 390, height: 844 };
const ruth: Person = {
  name: 'Dr Ruth Mensah',
  email: 'ruth.mensah@northside-demo.example',
  password: 'northside demo morning light',
};
const PRIYA = 'Priya Nair';

const run = Date.now().toString(36);
const NARRATIVE = `Session ${run}: P. brought the lighthouse dream and stayed with it for most of the hour.`;
const REASON = 'Added what P. said at the door, which I left out.';
const AMENDMENT = `At the door ${run}: “I nearly didn’t come today.”`;
const PROCESS = `Private ${run}: I felt protective and a little shut out.`;

let side: Watched | undefined;
let notePath = '';

const server = ownServerForFile({ demo: true });

test.afterAll(async () => {
  await side?.context.close();
});

function page(): Page {
  if (!side) throw new Error('Ruth has not signed in');
  return side.page;
}

/**
 * Ticks a React Aria checkbox by its label (its input is visually hidden under the drawn box, so it
 * is pressed as a person does: on the label).
 */
async function tick(scope: Locator | Page, name: RegExp | string): Promise<void> {
  const box = scope.getByRole('checkbox', { name }).first();
  await box.locator('xpath=ancestor::label[1]').click();
  await expect(box).toBeChecked();
}

test('Ruth opens Priya’s session notes from her page', async ({ browser }) => {
  side = await openPerson(browser, server.origin, PHONE);
  const p = side.page;
  await signInWithPassword(p, ruth);
  await openFromMenu(p, 'My clients');
  await p.getByRole('main').getByRole('link', { name: PRIYA, exact: true }).click();
  await expect(p.getByRole('heading', { level: 1, name: PRIYA })).toBeVisible();
  await p.getByRole('link', { name: 'Session notes' }).click();

  await expect(p.getByRole('heading', { level: 1, name: `Session notes: ${PRIYA}` })).toBeVisible();
  const notes = p.getByRole('list', { name: 'Notes' });
  // The demo's notes: signed, signed late, amended, a draft; with their ODF.
  await expect(notes.getByText('Draft', { exact: true })).toHaveCount(1);
  await expect(notes.getByText('Signed late', { exact: true }).first()).toBeVisible();
  await expect(notes.getByText('Amended', { exact: true }).first()).toBeVisible();
  await expect(notes.getByText(/^ODF \d\.\d\d$/).first()).toBeVisible();
  await expect(p.getByRole('list', { name: 'Sessions without a note' }).getByRole('button').first()).toBeVisible();
  await expectNoSidewaysScroll(p, 'the notes list');
  await expectAccessible(p, 'session notes');
  await shot(p, 'record-notes-phone');
  expectNoPageProblems(side);
});

test('Ruth writes the note of a session, linking a shared dream and rating two defences, and signs it', async () => {
  const p = page();
  await p
    .getByRole('list', { name: 'Sessions without a note' })
    .getByRole('button', { name: /^Write the note for the session of / })
    .first()
    .click();
  await expect(p.getByRole('heading', { level: 1, name: /^Note of the session of / })).toBeVisible();
  notePath = new URL(p.url()).pathname;
  expect(notePath).toMatch(/\/notes\/[0-9a-f-]{36}$/);

  await p.getByRole('textbox', { name: 'Narrative' }).fill(NARRATIVE);
  await p.getByRole('textbox', { name: 'Themes' }).fill('Being looked after; the lighthouse.');
  const dreams = p.getByRole('group', { name: 'Dreams discussed' });
  await tick(dreams, /./);
  const material = p.getByRole('group', { name: 'Material the client brought' });
  await tick(material, /^Dream,/);
  await tick(p, /^Humour/);
  await tick(p, /^Displacement/);
  // Humour is at level 7, displacement at level 5: the ODF is their mean.
  await expect(p.getByText('Overall defensive functioning: 6.00 (of 7)')).toBeVisible();
  await tick(p.getByRole('group', { name: 'Interventions' }), 'Interpretation');
  await p.getByRole('button', { name: 'Save draft' }).click();
  await expect(p.getByText(/^Saved /)).toBeVisible();
  await expectNoSidewaysScroll(p, 'the note editor');
  await expectAccessible(p, 'the note editor');
  await shot(p, 'record-note-draft-phone');

  await p.getByRole('button', { name: 'Sign the note' }).click();
  const dialog = p.getByRole('alertdialog', { name: 'Sign this note?' });
  await expect(dialog.getByText(/cannot be changed/)).toBeVisible();
  await expectAccessible(p, 'the sign dialog');
  await dialog.getByRole('button', { name: 'Sign', exact: true }).click();

  await expect(
    p.getByText('Signed: part of the clinical record. It cannot be changed; add an amendment instead.'),
  ).toBeVisible();
  await expect(p.getByRole('textbox', { name: 'Narrative' })).toHaveCount(0);
  await expect(p.getByText(NARRATIVE)).toBeVisible();
  await expect(p.getByText('Signed by')).toBeVisible();
  await expect(p.getByText('Overall defensive functioning: 6.00 (of 7)')).toBeVisible();
  await expect(p.getByText('Humour')).toBeVisible();
  await expect(p.getByRole('link', { name: /^Dream: / }).first()).toBeVisible();
  expectNoPageProblems(side as Watched);
});

test('Ruth adds an amendment with a reason and sees it listed; the history shows each version', async () => {
  const p = page();
  await p.getByRole('textbox', { name: 'Reason for the amendment' }).fill(REASON);
  await p.getByRole('textbox', { name: 'Amendment', exact: true }).fill(AMENDMENT);
  await p.getByRole('button', { name: 'Add the amendment' }).click();
  await expect(p.getByText('Amendment added.')).toBeVisible();
  const amendments = p.getByRole('list', { name: 'Amendments' });
  await expect(amendments.getByText(REASON)).toBeVisible();
  await expect(amendments.getByText(AMENDMENT)).toBeVisible();
  await expect(amendments.getByText(/^Dr Ruth Mensah, /)).toBeVisible();

  await p.getByRole('button', { name: 'Show the history' }).click();
  const history = p.getByRole('list', { name: 'History' });
  await expect(history.getByText(/^Version \d+ · signed/)).toBeVisible();
  await expect(history.getByText(/^Version 1 · draft saved/)).toBeVisible();
  await expectNoSidewaysScroll(p, 'the signed note');
  await expectAccessible(p, 'the signed note');
  await shot(p, 'record-note-signed-phone');

  // On the list: signed and amended.
  await p.getByRole('link', { name: 'Back to the session notes' }).click();
  await expect(p.getByRole('heading', { level: 1, name: `Session notes: ${PRIYA}` })).toBeVisible();
  expectNoPageProblems(side as Watched);
});

test('Ruth searches her caseload’s notes: the amendment and the narrative are found, her process note never', async () => {
  const p = page();
  await openFromMenu(p, 'Search notes');
  await expect(p.getByRole('heading', { level: 1, name: 'Search notes' })).toBeVisible();
  await expectAccessible(p, 'note search (empty)');
  const search = p.getByRole('search', { name: 'Search notes' });
  // Capitals do not matter; the run's marker is in the narrative and in the amendment.
  await search.getByRole('searchbox', { name: 'Words to find' }).fill(`SESSION ${run.toUpperCase()}`);
  await search.getByRole('button', { name: 'Search' }).click();
  const results = p.getByRole('list', { name: 'Results' });
  await expect(results.getByRole('listitem')).toHaveCount(1);
  await expect(results.getByText(PRIYA)).toBeVisible();
  await expect(results.getByText('In the narrative')).toBeVisible();
  await expectAccessible(p, 'note search (results)');
  await shot(p, 'record-search-phone');
  // Words from the amendment count too (every word must be somewhere in the note).
  await search.getByRole('searchbox', { name: 'Words to find' }).fill(`door nearly ${run}`);
  await search.getByRole('button', { name: 'Search' }).click();
  // The new search is under way (the words are in the address) before the count is read: the first
  // search's “1 note matches” would otherwise pass for it.
  await expect(p).toHaveURL(new RegExp(`[?&]q=door\\+nearly\\+${run}$`));
  await expect(p.getByText('1 note matches', { exact: false })).toBeVisible();
  await expect(results.getByRole('listitem')).toHaveCount(1);
  // The process note of the next test is written later; search for a word only process notes will hold.
  await search.getByRole('searchbox', { name: 'Words to find' }).fill('nonexistentwordzz');
  await search.getByRole('button', { name: 'Search' }).click();
  await expect(p.getByText('No note in your caseload has every word of “nonexistentwordzz”.')).toBeVisible();
  expectNoPageProblems(side as Watched);
});

test('Ruth writes her process note about the session and sees it marked private', async () => {
  const p = page();
  await p.goto(notePath);
  await expect(p.getByRole('heading', { level: 2, name: 'Process notes — private to you' })).toBeVisible();
  await expect(p.getByText(/^Not part of the clinical record: not seen by the client/)).toBeVisible();
  await p.getByRole('textbox', { name: /^Your process note/ }).fill(PROCESS);
  await p.getByRole('button', { name: 'Save process note' }).click();
  await expect(p.getByText(/Only you can read it\.$/)).toBeVisible();
  await expectAccessible(p, 'the note with its process note');
  await shot(p, 'record-process-note-phone');
  // Process notes are never searched.
  await p.goto(`/notes/search?q=${encodeURIComponent(`Private ${run}`)}`);
  await expect(p.getByText(`No note in your caseload has every word of “Private ${run}”.`)).toBeVisible();
  await p.goto(notePath);

  // The dark theme, for the list and the note.
  await p.goto('/account');
  await p.getByRole('group', { name: 'Colours' }).getByRole('radio', { name: 'Dark' }).check();
  await expect(p.locator('html')).toHaveAttribute('data-theme', 'dark');
  await p.goto(notePath);
  await expect(p.getByText(NARRATIVE)).toBeVisible();
  await expect(p.getByRole('textbox', { name: /^Your process note/ })).toHaveValue(PROCESS);
  await expectAccessible(p, 'the signed note (dark)');
  await shot(p, 'record-note-signed-phone-dark');
  await p.getByRole('link', { name: 'Back to the session notes' }).click();
  await expect(p.getByRole('list', { name: 'Notes' })).toBeVisible();
  await expectAccessible(p, 'session notes (dark)');
  await p.goto('/account');
  await p.getByRole('group', { name: 'Colours' }).getByRole('radio', { name: 'Same as this device' }).check();
  expectNoPageProblems(side as Watched);
});
