import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from '../support/accessibility';
import { expectNoPageProblems, openPerson, type Watched } from '../support/browser';
import { shot, signInWithPassword, type Person } from '../support/flows';
import { startOwnServer, type OwnServer } from '../support/own-server';
import { openFromMenu } from '../support/menu';

/**
 * The patterns tab end to end, at phone size, against the real server and PostgreSQL (the demo
 * practice): Dr Ruth Mensah opens Priya's patterns (a year of shared writing and a dozen dreams),
 * sees the themes, the people map, the father then ↔ boss now echo and the dream h-profile; opens a
 * source passage; confirms a relationship episode and scores it, and the CCRT summary counts it.
 * Checked with axe in the light and dark theme.
 */
test.describe.configure({ mode: 'serial' });

const PHONE = { width: 390, height: 844 };
const ruth: Person = {
  name: 'Dr Ruth Mensah',
  email: 'ruth.mensah@northside-demo.example',
  password: 'northside demo morning light',
};
const PRIYA = 'Priya Nair';

let server: OwnServer | undefined;
let side: Watched | undefined;
let patternsPath = '';

test.beforeAll(async () => {
  test.setTimeout(150_000);
  server = await startOwnServer({ demo: true });
});

test.afterAll(async () => {
  try {
    await side?.context.close();
  } finally {
    await server?.stop();
  }
});

function page(): Page {
  if (!side) throw new Error('Ruth has not signed in');
  return side.page;
}

test('Ruth opens Priya’s patterns: themes, the people map with an echo, the dream h-profile', async ({ browser }) => {
  side = await openPerson(browser, server?.origin ?? '', PHONE);
  const p = page();
  await signInWithPassword(p, ruth);
  await openFromMenu(p, 'My clients');
  await p.getByRole('main').getByRole('link', { name: PRIYA, exact: true }).click();
  await expect(p.getByRole('heading', { level: 1, name: PRIYA })).toBeVisible();
  await p.getByRole('link', { name: 'Patterns', exact: true }).click();
  await expect(p.getByRole('heading', { name: 'Patterns', level: 1 })).toBeVisible();
  patternsPath = new URL(p.url()).pathname;
  await expect(p.getByRole('heading', { name: 'Themes over time' })).toBeVisible();
  await expect(p.getByRole('heading', { name: 'The people map' })).toBeVisible();
  await expect(p.getByRole('rowheader', { name: 'boss' })).toBeVisible();
  await expect(p.getByRole('heading', { name: 'father then ↔ boss now' })).toBeVisible();
  await expect(p.getByRole('heading', { name: 'Dreams: the h-profile' })).toBeVisible();
  await expect(p.getByText(/^1[2-9] shared dreams|^\d{2,} shared dreams/)).toBeVisible();
  await expect(p.getByRole('table', { name: /Cohen’s h per indicator/ })).toBeVisible();
  await expectAccessible(p, 'the patterns tab');
  await shot(p, 'patterns-phone');
  expectNoPageProblems(side!);
});

test('Ruth clicks through from the echo to a source passage', async () => {
  const p = page();
  const echo = p.getByRole('listitem').filter({ has: p.getByRole('heading', { name: 'father then ↔ boss now' }) });
  await echo.getByRole('list', { name: 'Passages' }).first().getByRole('link').first().click();
  await expect(p).toHaveURL(/\/clients\/[0-9a-f-]+\/journal\/[0-9a-f-]+$/);
  await expect(p.getByText(/father/i).first()).toBeVisible();
  await expectAccessible(p, 'the source passage');
  await p.goto(patternsPath);
});

test('Ruth confirms a relationship episode and scores it; the CCRT summary updates', async () => {
  const p = page();
  await expect(p.getByTestId('ccrt-scored')).toHaveText('No episode confirmed yet.');
  const first = p
    .getByRole('region', { name: 'Relationship episodes (CCRT)' })
    .getByRole('listitem')
    .filter({
      has: p.getByRole('button', { name: 'Confirm and score' }),
    });
  const card = first.first();
  await card.getByRole('button', { name: /Wish/ }).click();
  await p.getByRole('listbox').getByRole('option').nth(1).click();
  await card.getByRole('button', { name: 'Confirm and score' }).click();
  await expect(p.getByTestId('ccrt-scored')).toHaveText('1 confirmed episode.');
  await expect(p.getByRole('table', { name: 'Most frequent' })).toBeVisible();
  await expectAccessible(p, 'the CCRT workspace after confirming');

  await p.goto('/account');
  await p.getByRole('group', { name: 'Colours' }).getByRole('radio', { name: 'Dark' }).check();
  await expect(p.locator('html')).toHaveAttribute('data-theme', 'dark');
  await p.goto(patternsPath);
  await expect(p.getByTestId('ccrt-scored')).toHaveText('1 confirmed episode.');
  await expectAccessible(p, 'the patterns tab (dark)');
  await shot(p, 'patterns-phone-dark');
});
