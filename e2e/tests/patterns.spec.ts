import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from '../support/accessibility';
import { expectNoPageProblems, openPerson, type Watched } from '../support/browser';
import { shot, signInWithPassword, type Person } from '../support/flows';
import { ownServerForFile } from '../support/own-server';
import { openFromMenu } from '../support/menu';
import { addDays, demoSeededOn } from '../support/dates';
import { expectNoSidewaysScroll } from '../support/layout';

/**
 * The patterns tab end to end, at phone size, against the real server and PostgreSQL (the demo
 * practice): Dr Ruth Mensah opens Priya's patterns (a year of shared writing and a dozen dreams),
 * sees every section's chart beside its table — the themes, the people map, the father then ↔ boss
 * now echo, the therapy in the material with her countertransference notes, defensive functioning
 * and the dream h-profile; opens a source passage and a rated note; confirms a relationship episode
 * and scores it, and the CCRT summary counts it. Then Priya turns on "My patterns" and sees her
 * patterns over all her entries, private ones included. Checked with axe in the light and dark theme.
 */
test.describe.configure({ mode: 'serial' });

const PHONE = { width: 390, height: 844 };
const ruth: Person = {
  name: 'Dr Ruth Mensah',
  email: 'ruth.mensah@northside-demo.example',
  password: 'northside demo morning light',
};
const PRIYA = 'Priya Nair';
const priya: Person = {
  name: PRIYA,
  email: 'priya.nair@northside-demo.example',
  password: 'northside demo morning light',
};
/** Every chart of the therapist's tab, by its accessible name, and the table beside it. */
const STAFF_CHARTS: { chart: string; table: string | RegExp }[] = [
  { chart: 'Themes over time', table: 'Themes over time' },
  { chart: 'The people map', table: 'The people map' },
  { chart: 'Echoes: a figure then and a figure now', table: 'Echoes and how similar each pair is' },
  {
    chart: 'Timeline of the therapy in the material',
    table: 'Mentions of the therapy and countertransference notes, by date',
  },
  { chart: 'ODF per rated note', table: 'ODF per rated note' },
  { chart: 'Share of rated defences at each DMRS level', table: 'Share of rated defences at each level' },
  { chart: 'The dream h-profile', table: /Cohen’s h per indicator/ },
];
const SHORT = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const shortDate = (iso: string) => SHORT.format(new Date(`${iso}T00:00:00Z`));

let side: Watched | undefined;
let patternsPath = '';

const server = ownServerForFile({ demo: true });

test.afterAll(async () => {
  await side?.context.close();
});

function page(): Page {
  if (!side) throw new Error('Ruth has not signed in');
  return side.page;
}

test('Ruth opens Priya’s patterns: themes, the people map with an echo, the dream h-profile', async ({ browser }) => {
  side = await openPerson(browser, server.origin, PHONE);
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
  for (const { chart, table } of STAFF_CHARTS) {
    await expect(p.getByRole('img', { name: chart, exact: true })).toBeVisible();
    await expect(p.getByRole('table', { name: table })).toBeVisible();
  }
  const therapy = p.getByRole('table', { name: 'Mentions of the therapy and countertransference notes, by date' });
  await expect(therapy.getByRole('cell', { name: 'Your countertransference note' }).first()).toBeVisible();
  await expect(therapy.getByRole('cell', { name: 'An entry mentions the therapy' }).first()).toBeVisible();
  await expect(p.getByText(/^Overall ODF \d\.\d\d over \d+ notes/)).toBeVisible();
  await expectNoSidewaysScroll(p);
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
  // A rated note of the ODF trend opens the note.
  await p.getByRole('table', { name: 'ODF per rated note' }).getByRole('link').first().click();
  await expect(p).toHaveURL(/\/clients\/[0-9a-f-]+\/notes\/[0-9a-f-]+$/);
  // The tab is reached from the client's session notes as well.
  await p.goto(patternsPath.replace(/\/patterns$/, '/notes'));
  await p.getByRole('link', { name: 'Patterns', exact: true }).click();
  await expect(p.getByRole('heading', { name: 'Patterns', level: 1 })).toBeVisible();
  await expect(p).toHaveURL(new RegExp(`${patternsPath}$`));
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

test('Priya turns on My patterns and sees patterns over all her entries, private ones included', async ({
  browser,
}) => {
  const own = await openPerson(browser, server.origin, PHONE);
  try {
    const p = own.page;
    await signInWithPassword(p, priya);
    await openFromMenu(p, 'My patterns');
    await expect(p.getByRole('heading', { name: 'My patterns', level: 1 })).toBeVisible();
    const toggle = p.getByRole('switch', { name: 'Show my patterns' });
    await expect(toggle).not.toBeChecked();
    await expect(
      p.getByText(/No one at the practice, not your therapist and not an administrator, can see them/),
    ).toBeVisible();
    await expect(p.getByRole('heading', { name: 'Themes over time' })).toHaveCount(0);
    await expectAccessible(p, 'My patterns, off');

    await toggle.click({ force: true });
    await expect(toggle).toBeChecked();
    await expect(p.getByRole('img', { name: 'Themes over time', exact: true })).toBeVisible();
    await expect(p.getByRole('img', { name: 'The people map', exact: true })).toBeVisible();
    await expect(p.getByRole('rowheader', { name: 'boss' })).toBeVisible();
    await expect(p.getByRole('heading', { name: 'father then ↔ boss now' })).toBeVisible();
    await expect(p.getByRole('img', { name: 'The dream h-profile', exact: true })).toBeVisible();
    // The therapist's aids are not here.
    await expect(p.getByRole('heading', { name: 'Relationship episodes (CCRT)' })).toHaveCount(0);
    await expect(p.getByRole('heading', { name: 'Defensive functioning' })).toHaveCount(0);
    await expect(p.getByText('Your countertransference note')).toHaveCount(0);
    await expectNoSidewaysScroll(p);
    await expectAccessible(p, 'My patterns, on');
    await shot(p, 'my-patterns-phone');

    // A private check-in (never shared) mentions the session she missed: it is on her own timeline.
    // Dated 30 days before the demo was seeded (which may have been yesterday, early in a long run).
    const missed = shortDate(addDays(demoSeededOn(), -30));
    const row = p
      .getByRole('table', { name: 'Mentions of the therapy and countertransference notes, by date' })
      .getByRole('row')
      .filter({ hasText: missed });
    await row.getByRole('link').first().click();
    await expect(p).toHaveURL(/\/journal\/[0-9a-f-]+$/);
    await expect(p.getByText(/Missed my session/)).toBeVisible();

    await p.goto('/account');
    await p.getByRole('group', { name: 'Colours' }).getByRole('radio', { name: 'Dark' }).check();
    await expect(p.locator('html')).toHaveAttribute('data-theme', 'dark');
    await p.goto('/my/patterns');
    await expect(p.getByRole('switch', { name: 'Show my patterns' })).toBeChecked();
    await expect(p.getByRole('img', { name: 'Themes over time', exact: true })).toBeVisible();
    await expectAccessible(p, 'My patterns (dark)');
    await shot(p, 'my-patterns-phone-dark');
    expectNoPageProblems(own);
  } finally {
    await own.context.close();
  }
});
