import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectAccessible } from '../support/accessibility';
import { expectNoPageProblems, openPerson, type Watched } from '../support/browser';
import { shot, signInWithPassword, type Person } from '../support/flows';
import { startOwnServer, type OwnServer } from '../support/own-server';
import { openFromMenu } from '../support/menu';

/**
 * The client's private journal end to end, at phone size, against the real server and PostgreSQL
 * (the demo practice): Priya writes a dream, the network drops mid-way, she keeps writing, the
 * network returns and nothing is lost; she shares the dream and marks it to bring to her next
 * session; Dr Ruth Mensah finds it on her list for that session and reads it; Priya withdraws it, and
 * Ruth sees only that something was withdrawn. Along the way: the dark theme, the free-association
 * writing space, and the "not ready yet" list's promise that no one else can see it.
 *
 * This file starts its own server with the demo practice seeded (e2e/start-server.mjs, UC_E2E_DEMO).
 */
test.describe.configure({ mode: 'serial' });

const PHONE = { width: 390, height: 844 };
const DEMO_PASSWORD = 'northside demo morning light';
const priya: Person = {
  name: 'Priya Nair',
  email: 'priya.nair@northside-demo.example',
  password: DEMO_PASSWORD,
};
const ruth: Person = {
  name: 'Dr Ruth Mensah',
  email: 'ruth.mensah@northside-demo.example',
  password: DEMO_PASSWORD,
};

// What Priya writes. The first words are unique to this run, so her dream can be told from the
// demo's own entries wherever it is listed.
const run = Date.now().toString(36);
const OPENING = `Lighthouse ${run}: I was in the old house by the harbour again.`;
const BEFORE = `${OPENING}\nThe stairs went down into the sea 🌊 and my grandmother said `;
const ARABIC = 'البحر هادئ الليلة';
const HTML = '<img src=x onerror=alert(1)>';
const DURING = `“${ARABIC}” — then a note on the door read ${HTML} and I woke up. 🕯️`;
const BODY = BEFORE + DURING;
const SETTING = 'A house on stilts, שלום, with salt on the windows';

let server: OwnServer | undefined;
let origin = '';
let clientSide: Watched | undefined;
let therapistSide: Watched | undefined;
/** The address of the new dream's page, and its shared copy on the therapist's side. */
let entryPath = '';
let sharedPath = '';
/** Alerts the page raised (pasted HTML must never run). */
const alerts: string[] = [];

test.beforeAll(async () => {
  test.setTimeout(150_000);
  server = await startOwnServer({ demo: true });
  origin = server.origin;
});

test.afterAll(async () => {
  try {
    for (const side of [clientSide, therapistSide]) await side?.context.close();
  } finally {
    await server?.stop();
  }
});

// ---------- Helpers ----------

function client(): Page {
  if (!clientSide) throw new Error('Priya has not signed in');
  return clientSide.page;
}

function therapist(): Page {
  if (!therapistSide) throw new Error('Ruth has not signed in');
  return therapistSide.page;
}

/** At phone size the main navigation folds into a menu. */
async function goByMenu(page: Page, link: string): Promise<void> {
  await openFromMenu(page, link);
}

/** The save indicator's words (the status region that announces changes holds other words). */
const saveIndicator = (page: Page): Locator => page.locator('.jw-save-text');

/** The exact text of an element: no whitespace folded, nothing trimmed. */
const exactText = (locator: Locator): Promise<string | null> => locator.evaluate((el) => el.textContent);

const DREAM_WORDS = [run, 'my grandmother said', ARABIC, HTML, SETTING];

/** Neither the page (its text or its markup) nor what the server sent holds any of the dream's words. */
async function expectNoDreamWords(page: Page, sent: string): Promise<void> {
  const text = (await page.locator('body').textContent()) ?? '';
  const markup = await page.content();
  for (const words of DREAM_WORDS) {
    expect(text, 'the page text').not.toContain(words);
    expect(markup, 'the page markup').not.toContain(words);
    expect(sent, 'the server’s answer').not.toContain(words);
  }
}

/** The answer to the next request for an address ending so, as text. */
async function answerTo(page: Page, path: RegExp, action: () => Promise<unknown>): Promise<string> {
  const [response] = await Promise.all([page.waitForResponse((r) => path.test(new URL(r.url()).pathname)), action()]);
  return response.text();
}

async function expectHtmlShownAsText(page: Page): Promise<void> {
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  expect(alerts).toEqual([]);
}

/** Console messages that Chromium logs while it is offline on purpose. */
function forgetOfflineNoise(side: Watched): void {
  side.problems = side.problems.filter((p) => !/ERR_INTERNET_DISCONNECTED|Failed to fetch/.test(p));
}

// ---------- The journey ----------

test('Priya opens her journal on her phone, in the light and the dark theme', async ({ browser }) => {
  clientSide = await openPerson(browser, origin, PHONE);
  const cp = clientSide.page;
  cp.on('dialog', (dialog) => {
    alerts.push(dialog.message());
    void dialog.dismiss();
  });
  await signInWithPassword(cp, priya);
  await expect(cp.getByRole('heading', { level: 1, name: `Hello, ${priya.name}` })).toBeVisible();

  await goByMenu(cp, 'My journal');
  await expect(cp.getByRole('heading', { level: 1, name: 'My journal' })).toBeVisible();
  await expect(cp.getByText(/^Showing (the latest )?\d+ entr/)).toBeVisible();
  await expect(cp.getByRole('link', { name: /^Dream/ }).first()).toBeVisible();
  const overflow = await cp.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, 'no sideways scrolling on the timeline at 390 px').toBeLessThanOrEqual(0);
  await expectAccessible(cp, 'journal timeline');
  await shot(cp, 'journal-timeline-phone');

  // The dark theme, chosen on the account page, for the timeline and the dream editor.
  await cp.goto('/account');
  const colours = cp.getByRole('group', { name: 'Colours' });
  await colours.getByRole('radio', { name: 'Dark' }).check();
  await expect(cp.locator('html')).toHaveAttribute('data-theme', 'dark');
  await cp.goto('/journal');
  await expect(cp.getByText(/^Showing (the latest )?\d+ entr/)).toBeVisible();
  await expectAccessible(cp, 'journal timeline (dark)');
  await shot(cp, 'journal-timeline-phone-dark');
  await cp.goto('/journal/new/dream');
  await expect(cp.getByRole('heading', { level: 1, name: 'A dream' })).toBeVisible();
  await expect(cp).toHaveURL(/\?id=[0-9a-f-]{36}$/);
  await expectAccessible(cp, 'dream editor (dark)');
  await shot(cp, 'journal-dream-editor-phone-dark');
  await cp.goto('/account');
  await colours.getByRole('radio', { name: 'Same as this device' }).check();
  await expect(cp.locator('html')).not.toHaveAttribute('data-theme', /.*/);
  expectNoPageProblems(clientSide);
});

test('Priya writes a dream; the network drops mid-way and she keeps writing; nothing is lost', async () => {
  const cp = client();
  const side = clientSide as Watched;
  await cp.goto('/journal');
  await cp
    .getByRole('list', { name: 'Start a new entry' })
    .getByRole('link', { name: /^Dream/ })
    .click();
  await expect(cp.getByRole('heading', { level: 1, name: 'A dream' })).toBeVisible();
  await expect(cp.getByText('Only you can see this unless you choose to share it.')).toBeVisible();
  await expect(saveIndicator(cp)).toHaveText('Saves as you write');
  await expectAccessible(cp, 'dream editor');

  const dream = cp.getByRole('textbox', { name: 'The dream' });
  await dream.pressSequentially(OPENING);
  await dream.press('Enter');
  await cp.keyboard.insertText(BEFORE.slice(OPENING.length + 1));
  await expect(saveIndicator(cp)).toHaveText('Saved');

  // The connection drops. She goes on: the dream, where it was, how she felt on waking.
  await side.context.setOffline(true);
  await cp.keyboard.insertText(`“${ARABIC}” — then a note on the door read `);
  // Pasted: arrives as text.
  await cp.keyboard.insertText(HTML);
  await dream.pressSequentially(' and I woke up. ');
  await cp.keyboard.insertText('🕯️');
  await expect(saveIndicator(cp)).toHaveText(/^Not saved yet — offline/);
  await expect(cp.getByRole('status').filter({ hasText: /^Not saved yet — offline/ })).toHaveCount(1);
  await cp.getByRole('textbox', { name: /^Setting/ }).fill(SETTING);
  const feelings = cp.getByRole('group', { name: 'Feelings on waking' });
  await feelings.getByRole('checkbox', { name: 'Fear' }).check();
  await feelings.getByRole('group', { name: 'How strong: Fear' }).getByRole('radio', { name: '4' }).check();
  await feelings.getByRole('checkbox', { name: 'Longing' }).check();
  await cp.getByRole('checkbox', { name: 'It was a nightmare' }).check();
  await expect(saveIndicator(cp)).toHaveText(/^Not saved yet — offline/);
  await expectAccessible(cp, 'dream editor, offline');
  await shot(cp, 'journal-dream-offline');

  // The connection returns: everything saves without her doing anything.
  await side.context.setOffline(false);
  await expect(saveIndicator(cp)).toHaveText('Saved');
  await expect(cp.getByText('Saved. Everything you wrote is on the server.')).toBeAttached();
  forgetOfflineNoise(side);

  // A reload loads the entry from the server: every word, exactly.
  await cp.reload();
  await expect(cp.getByRole('heading', { level: 1, name: 'A dream' })).toBeVisible();
  await expect(cp.getByRole('textbox', { name: 'The dream' })).toHaveValue(BODY);
  await expect(cp.getByRole('textbox', { name: /^Setting/ })).toHaveValue(SETTING);
  await expect(feelings.getByRole('checkbox', { name: 'Fear' })).toBeChecked();
  await expect(
    feelings.getByRole('group', { name: 'How strong: Fear' }).getByRole('radio', { name: '4' }),
  ).toBeChecked();
  await expect(feelings.getByRole('checkbox', { name: 'Longing' })).toBeChecked();
  await expect(cp.getByRole('checkbox', { name: 'It was a nightmare' })).toBeChecked();
  await expect(saveIndicator(cp)).toHaveText('Saved');

  // Done: the entry as she will read it, the HTML shown as its characters.
  await cp.getByRole('button', { name: 'Done' }).click();
  await expect(cp).toHaveURL(/\/journal\/[0-9a-f-]{36}$/);
  entryPath = new URL(cp.url()).pathname;
  const article = cp.getByRole('article');
  await expect(article).toBeVisible();
  await expect.poll(() => exactText(article.locator('.journal-body'))).toBe(BODY);
  await expect(article.getByText(SETTING, { exact: true })).toBeVisible();
  await expect(article.getByText('Fear (strong)')).toBeVisible();
  await expect(article.getByText(HTML, { exact: false })).toBeVisible();
  await expectHtmlShownAsText(cp);
  await expect(cp.getByRole('region', { name: 'Who can see this' }).getByText('Only you can see this.')).toBeVisible();
  await expectAccessible(cp, 'dream entry');
  await shot(cp, 'journal-dream-entry');
  expectNoPageProblems(side);
});

test('Priya shares the dream and marks it to bring to her next session', async () => {
  const cp = client();
  await cp.goto(entryPath);
  const privacy = cp.getByRole('region', { name: 'Who can see this' });
  await privacy.getByRole('button', { name: 'Share with my therapist' }).click();
  const dialog = cp.getByRole('alertdialog');
  await expect(dialog.getByRole('heading', { name: 'Share this entry with your therapist?' })).toBeVisible();
  await expectAccessible(cp, 'share dialog');
  await dialog.getByRole('button', { name: 'Share', exact: true }).click();
  await expect(dialog).toHaveCount(0);
  await expect(privacy.getByText('Shared with your therapist.', { exact: true }).last()).toBeVisible();
  await expect(privacy.getByText('Your therapist has not opened it yet.')).toBeVisible();

  await privacy.getByRole('button', { name: 'Bring to my next session' }).click();
  await expect(privacy.getByText('Marked to bring to your next session.')).toBeVisible();
  await expect(privacy.getByText(/^You would like to bring it to your (session on|next session)/)).toBeVisible();
  await expect(privacy.getByRole('button', { name: 'Don’t bring it to the next session' })).toBeVisible();
  await expect(privacy.getByText('To bring', { exact: true })).toBeVisible();
  await expectAccessible(cp, 'shared dream entry');
  await shot(cp, 'journal-dream-shared');
  expectNoPageProblems(clientSide as Watched);
});

test('Dr Ruth Mensah finds the dream on her list for the next session, unread, and reads it', async ({ browser }) => {
  therapistSide = await openPerson(browser, origin, PHONE);
  const tp = therapistSide.page;
  tp.on('dialog', (dialog) => {
    alerts.push(dialog.message());
    void dialog.dismiss();
  });
  await signInWithPassword(tp, ruth);
  await expect(tp.getByRole('button', { name: 'Menu' })).toBeVisible();
  await goByMenu(tp, 'My clients');
  await tp.getByRole('main').getByRole('link', { name: priya.name, exact: true }).click();
  await expect(tp.getByRole('heading', { level: 1, name: priya.name })).toBeVisible();
  await tp.getByRole('link', { name: /^Journal entries shared with you \(\d+ unread\)$/ }).click();

  await expect(tp.getByRole('heading', { level: 1, name: /^Shared by Priya Nair \(\d+ unread\)$/ })).toBeVisible();
  const toBring = tp.getByRole('list', { name: 'To bring to the next session' });
  const item = toBring.getByRole('listitem').filter({ hasText: OPENING });
  await expect(item).toHaveCount(1);
  await expect(item.getByText('Unread', { exact: true })).toBeVisible();
  await expect(item.getByText('To bring', { exact: true })).toBeVisible();
  await expectAccessible(tp, 'therapist: shared entries');
  await shot(tp, 'journal-therapist-list');

  await item.getByRole('link').click();
  await expect(tp).toHaveURL(/\/clients\/[0-9a-f-]+\/journal\/[0-9a-f-]+$/);
  sharedPath = new URL(tp.url()).pathname;
  await expect(tp.getByRole('heading', { level: 1, name: /^Dream of / })).toBeVisible();
  await expect(tp.getByText('They would like to bring this to the next session.')).toBeVisible();
  await expect.poll(() => exactText(tp.locator('.shared-body'))).toBe(BODY);
  const details = tp.getByRole('region', { name: 'The dream in detail' });
  await expect(details.getByText(SETTING, { exact: true })).toBeVisible();
  await expect(details.getByText('Fear: strong (4 of 5)')).toBeVisible();
  await expect(tp.getByText('Nightmare', { exact: true })).toBeVisible();
  await expectHtmlShownAsText(tp);
  await expectAccessible(tp, 'therapist: shared dream');
  await shot(tp, 'journal-therapist-entry');

  // Opening it marked it read.
  await tp.getByRole('link', { name: 'Back to shared entries' }).click();
  await expect(
    toBring.getByRole('listitem').filter({ hasText: OPENING }).getByText('Read', { exact: true }),
  ).toBeVisible();
  expectNoPageProblems(therapistSide);
});

test('Priya withdraws the dream; Ruth sees only that something was withdrawn', async () => {
  const cp = client();
  const tp = therapist();
  await cp.goto(entryPath);
  const privacy = cp.getByRole('region', { name: 'Who can see this' });
  await expect(privacy.getByText(/^Your therapist opened it on /)).toBeVisible();
  await privacy.getByRole('button', { name: 'Withdraw' }).click();
  const dialog = cp.getByRole('alertdialog');
  await expect(dialog.getByRole('heading', { name: 'Withdraw this entry?' })).toBeVisible();
  await expect(dialog.getByText(/^They opened it on /)).toBeVisible();
  await expectAccessible(cp, 'withdraw dialog');
  await dialog.getByRole('button', { name: 'Withdraw', exact: true }).click();
  await expect(dialog).toHaveCount(0);
  await expect(privacy.getByText('Withdrawn. Only you can see this entry now.')).toBeVisible();
  await expect(privacy.getByText(/^You withdrew this on /)).toBeVisible();
  await expect(privacy.getByRole('button', { name: 'Share again' })).toBeVisible();
  await shot(cp, 'journal-dream-withdrawn');
  expectNoPageProblems(clientSide as Watched);

  // Ruth's list, reloaded: the dream is gone from it, and a withdrawal is all that shows.
  const withdrawnBefore = await tp.getByText(/^An entry shared on .+ was withdrawn on .+\.$/).count();
  const list = await answerTo(tp, /\/api\/journal\/clients\/[^/]+\/shared$/, () => tp.reload());
  await expect(tp.getByRole('heading', { level: 1, name: /^Shared by Priya Nair/ })).toBeVisible();
  await expect(tp.getByText(/^An entry shared on .+ was withdrawn on .+\.$/)).toHaveCount(withdrawnBefore + 1);
  await expect(tp.getByRole('list', { name: 'To bring to the next session' }).getByText(OPENING)).toHaveCount(0);
  await expectNoDreamWords(tp, list);
  await expectAccessible(tp, 'therapist: shared entries after a withdrawal');
  await shot(tp, 'journal-therapist-list-withdrawn');

  // The old address of the entry says it was withdrawn, and nothing of what it said.
  const entry = await answerTo(tp, /\/api\/journal\/clients\/[^/]+\/shared\/[^/]+$/, () => tp.goto(sharedPath));
  await expect(tp.getByRole('heading', { level: 1, name: 'Entry withdrawn' })).toBeVisible();
  await expect(
    tp.getByText(/^Priya Nair withdrew this entry on .+; it is no longer available to you\.$/),
  ).toBeVisible();
  await expectNoDreamWords(tp, entry);
  await expectAccessible(tp, 'therapist: withdrawn entry');
  await shot(tp, 'journal-therapist-entry-withdrawn');
  // The 410 that says so is expected; Chromium logs it as a failed resource, which the filter allows.
  expectNoPageProblems(therapistSide as Watched);
});

test('Free association: a quiet full-screen space with a word count, then Finish', async () => {
  const cp = client();
  await cp.goto('/journal');
  await cp
    .getByRole('list', { name: 'Start a new entry' })
    .getByRole('link', { name: /^Free association/ })
    .click();
  await expect(cp.getByRole('heading', { level: 1, name: 'Free association' })).toBeVisible();
  await cp.getByRole('radio', { name: '5 minutes' }).check();
  await cp.getByRole('button', { name: 'Start writing' }).click();

  const space = cp.getByRole('dialog', { name: 'Free association' });
  const field = space.getByRole('textbox', { name: 'Free association: write whatever comes to mind' });
  await expect(field).toBeFocused();
  await expect(space.getByText('0 words')).toBeVisible();
  await expect(space.getByText('About 5 minutes left')).toBeVisible();
  await field.pressSequentially('water under the floor, a bell, my mother’s coat');
  await expect(space.getByText('9 words')).toBeVisible();
  await expect(space.locator('.jw-save-text')).toHaveText('Saved');
  await expectAccessible(cp, 'free-association writing space');
  await shot(cp, 'journal-free-association');
  await space.getByRole('button', { name: 'Finish' }).click();
  await expect(cp).toHaveURL(/\/journal\/[0-9a-f-]{36}$/);
  await expect(cp.getByRole('article').getByText('water under the floor, a bell, my mother’s coat')).toBeVisible();
  expectNoPageProblems(clientSide as Watched);
});

test('The "not ready yet" list says plainly that no one else can see it', async () => {
  const cp = client();
  await cp.goto('/journal');
  await cp.getByRole('navigation', { name: 'Your journal' }).getByRole('link', { name: 'Not ready yet' }).click();
  await expect(cp.getByRole('heading', { level: 1, name: 'Not ready to talk about yet' })).toBeVisible();
  await expect(
    cp.getByText(
      'No one at the practice, not your therapist and not anyone who runs the practice, can ever see this list. It is yours alone, and it is never shared.',
    ),
  ).toBeVisible();
  await expect(cp.getByRole('list', { name: 'Things you are not ready to talk about yet' })).toBeVisible();
  await expectAccessible(cp, 'not ready yet list');
  await shot(cp, 'journal-not-ready');
  expectNoPageProblems(clientSide as Watched);
});
