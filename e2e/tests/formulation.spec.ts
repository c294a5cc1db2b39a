import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectAccessible } from '../support/accessibility';
import { expectNoPageProblems, openPerson, type Watched } from '../support/browser';
import { shot, signInWithPassword, type Person } from '../support/flows';
import { ownServerForFile } from '../support/own-server';
import { openFromMenu } from '../support/menu';
import { expectNoSidewaysScroll } from '../support/layout';

/**
 * The case formulation end to end, at phone size, against the real server and PostgreSQL (the demo
 * practice): Dr Ruth Mensah opens Priya's formulation from her page and sees the ODF trend of the
 * defences she rated in her notes, with its table and the level profile; she chooses a CCRT cluster
 * and writes her own words, adds a dated review, reloads and finds both kept, and sees the earlier
 * versions. A client whose notes have no defences rated yet gets the empty state. The admin edits
 * the practice's CCRT categories, and Ruth can choose the new cluster. Every page is checked with axe
 * in the light and dark theme.
 *
 * This file starts its own server with the demo practice seeded (e2e/start-server.mjs, UC_E2E_DEMO).
 */
test.describe.configure({ mode: 'serial' });

const PHONE = { width: 390, height: 844 };
const PASSWORD = 'northside demo morning light';
const ruth: Person = { name: 'Dr Ruth Mensah', email: 'ruth.mensah@northside-demo.example', password: PASSWORD };
const morgan: Person = { name: 'Morgan Ellis', email: 'morgan.ellis@northside-demo.example', password: PASSWORD };
const PRIYA = 'Priya Nair';

const run = Date.now().toString(36);
const WORDS = `To be helpful enough that no one leaves (${run}).`;
const REVIEW = `Review ${run}: the anger at endings is spoken now, and stays said a little longer.`;
const NEW_CLUSTER = `Numb ${run}`;

let side: Watched | undefined;
let formulationPath = '';

const server = ownServerForFile({ demo: true });

test.afterAll(async () => {
  await side?.context.close();
});

function page(): Page {
  if (!side) throw new Error('Ruth has not signed in');
  return side.page;
}

/** Ticks a React Aria checkbox by its label (its input is visually hidden under the drawn box). */
async function tick(scope: Locator | Page, name: RegExp | string): Promise<void> {
  const box = scope.getByRole('checkbox', { name }).first();
  await box.locator('xpath=ancestor::label[1]').click();
  await expect(box).toBeChecked();
}

async function setTheme(p: Page, theme: 'Dark' | 'Same as this device'): Promise<void> {
  await p.goto('/account');
  await p.getByRole('group', { name: 'Colours' }).getByRole('radio', { name: theme }).check();
  if (theme === 'Dark') await expect(p.locator('html')).toHaveAttribute('data-theme', 'dark');
}

async function openClient(p: Page, name: string): Promise<void> {
  await openFromMenu(p, 'My clients');
  await p.getByRole('main').getByRole('link', { name, exact: true }).click();
  await expect(p.getByRole('heading', { level: 1, name })).toBeVisible();
}

test('Ruth opens Priya’s formulation and sees the ODF trend of her rated notes, with its table', async ({
  browser,
}) => {
  side = await openPerson(browser, server.origin, PHONE);
  const p = side.page;
  await signInWithPassword(p, ruth);
  await openClient(p, PRIYA);
  await p.getByRole('link', { name: 'Case formulation' }).click();
  await expect(p.getByRole('heading', { level: 1, name: `Case formulation: ${PRIYA}` })).toBeVisible();
  formulationPath = new URL(p.url()).pathname;

  // Ruth's formulation from the demo.
  await expect(p.getByRole('textbox', { name: 'Presenting difficulties' })).toHaveValue(/the reliable one/);
  await expect(p.getByRole('textbox', { name: 'In your own words: Wish (W)' })).toHaveValue(/looked after/);
  await expect(p.getByRole('textbox', { name: 'Goal 1' })).toHaveValue('Sleep through more nights than not.');

  // The ODF, computed from the defences rated in the signed notes: a chart and the same numbers as a table.
  await expect(p.getByRole('heading', { level: 2, name: 'Defensive functioning' })).toBeVisible();
  await expect(
    p.getByText(/^ODF of the episode: \d\.\d\d \(of 7\), from \d+ defences rated in \d+ notes\.$/),
  ).toBeVisible();
  await expect(p.getByRole('img', { name: /^Chart of the ODF over \d+ sessions/ })).toBeVisible();
  const table = p.getByRole('table', { name: 'ODF per session note' });
  const rows = table.getByRole('row');
  await expect.poll(() => rows.count(), 'a header row and at least three rated notes').toBeGreaterThanOrEqual(4);
  // The newest rated note: undoing (6) and self-assertion (7) → 6.50.
  await expect(rows.last().getByRole('cell').nth(1)).toHaveText('6.50');
  await expect(rows.last().getByRole('link', { name: /^Session of / })).toBeVisible();
  const profile = p.getByRole('table', { name: 'Share of the defences rated at each DMRS level' });
  await expect(profile.getByRole('cell', { name: '7 · High adaptive' })).toBeVisible();

  await expectNoSidewaysScroll(p, 'the formulation');
  await expectAccessible(p, 'the formulation');
  await shot(p, 'formulation-phone');
  expectNoPageProblems(side);
});

test('Ruth chooses a wish cluster, writes her own words and adds a review; a reload keeps both', async () => {
  const p = page();
  const wish = p.getByRole('group', { name: 'Clusters: Wish (W)' });
  await tick(wish, 'To achieve and help others');
  await p.getByRole('textbox', { name: 'In your own words: Wish (W)' }).fill(WORDS);
  await p.getByRole('button', { name: 'Save formulation' }).click();
  await expect(p.getByText(/^Version 3, saved by Dr Ruth Mensah on /)).toBeVisible();

  await p.getByRole('textbox', { name: 'What the review found' }).fill(REVIEW);
  await p.getByRole('button', { name: 'Add review' }).click();
  await expect(p.getByText(/^Review added\./)).toBeVisible();
  const reviews = p.getByRole('list', { name: 'Reviews' });
  await expect(reviews.getByRole('listitem')).toHaveCount(3);
  await expect(reviews.getByRole('listitem').first()).toContainText(REVIEW);
  await expectAccessible(p, 'the formulation after a save and a review');

  await p.reload();
  await expect(p.getByRole('textbox', { name: 'In your own words: Wish (W)' })).toHaveValue(WORDS);
  await expect(
    p.getByRole('group', { name: 'Clusters: Wish (W)' }).getByRole('checkbox', { name: 'To achieve and help others' }),
  ).toBeChecked();
  await expect(p.getByRole('list', { name: 'Reviews' }).getByText(REVIEW)).toBeVisible();

  // The living document keeps its history.
  await p.getByText('Show earlier versions').click();
  await expect(p.getByRole('heading', { level: 3, name: /^Version 3 · Dr Ruth Mensah · / })).toBeVisible();
  await expect(p.getByRole('heading', { level: 3, name: /^Version 1 · Dr Ruth Mensah · / })).toBeVisible();
  await expectNoSidewaysScroll(p, 'the formulation with its history');
  await expectAccessible(p, 'the formulation with its history');
  expectNoPageProblems(side as Watched);
});

test('A client with no defences rated yet: the formulation says how the ODF will appear', async () => {
  const p = page();
  await openClient(p, 'Jamie Walsh');
  await p.getByRole('link', { name: 'Case formulation' }).click();
  await expect(p.getByRole('heading', { level: 1, name: 'Case formulation: Jamie Walsh' })).toBeVisible();
  await expect(p.getByText(/^No defences rated yet in this episode’s session notes\./)).toBeVisible();
  await expect(p.getByText('Not saved yet.')).toBeVisible();
  await expectAccessible(p, 'an empty formulation');
  await shot(p, 'formulation-empty-phone');

  // The dark theme, for both.
  await setTheme(p, 'Dark');
  await p.goto(formulationPath);
  await expect(p.getByRole('textbox', { name: 'In your own words: Wish (W)' })).toHaveValue(WORDS);
  await expect(p.getByRole('img', { name: /^Chart of the ODF/ })).toBeVisible();
  await expectAccessible(p, 'the formulation (dark)');
  await shot(p, 'formulation-phone-dark');
  await setTheme(p, 'Same as this device');
  expectNoPageProblems(side as Watched);
});

test('The admin adds a response-of-self cluster to the practice’s CCRT categories', async ({ browser }) => {
  test.setTimeout(150_000);
  const admin = await openPerson(browser, server.origin, PHONE);
  try {
    const p = admin.page;
    await signInWithPassword(p, morgan);
    await openFromMenu(p, 'CCRT categories');
    await expect(p.getByRole('heading', { level: 1, name: 'CCRT categories' })).toBeVisible();
    await expect(p.getByText(/uses the standard clusters.*unverified/)).toBeVisible();
    await expectAccessible(p, 'the CCRT categories');

    await p.getByRole('textbox', { name: 'New cluster: Response of self (RS)' }).fill(NEW_CLUSTER);
    await p.getByRole('button', { name: 'Add a cluster to Response of self (RS)' }).click();
    await expect(p.getByText(`“${NEW_CLUSTER}” added. Save to keep it.`)).toBeVisible();
    await p.getByRole('button', { name: 'Save categories' }).click();
    await expect(p.getByText('Saved. Therapists now choose from this set.')).toBeVisible();
    await p.reload();
    await expect(p.getByRole('textbox', { name: 'Label' }).last()).toHaveValue(NEW_CLUSTER);
    await expectNoSidewaysScroll(p, 'the CCRT categories');
    await expectAccessible(p, 'the CCRT categories after a save');
    await shot(p, 'formulation-ccrt-categories-phone');
    await setTheme(p, 'Dark');
    await p.goto('/admin/ccrt-categories');
    await expect(p.getByRole('heading', { level: 1, name: 'CCRT categories' })).toBeVisible();
    await expectAccessible(p, 'the CCRT categories (dark)');
    await setTheme(p, 'Same as this device');
    expectNoPageProblems(admin);
  } finally {
    await admin.context.close();
  }
});

test('Ruth can choose the admin’s new cluster in Priya’s formulation', async () => {
  const p = page();
  await p.goto(formulationPath);
  const self = p.getByRole('group', { name: 'Clusters: Response of self (RS)' });
  await tick(self, new RegExp(`^${NEW_CLUSTER}`));
  await p.getByRole('button', { name: 'Save formulation' }).click();
  await expect(p.getByText(/^Version 4, saved by Dr Ruth Mensah on /)).toBeVisible();
  expectNoPageProblems(side as Watched);
});
