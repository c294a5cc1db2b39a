import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from '../support/accessibility';
import { expectNoPageProblems, openPerson, type Watched } from '../support/browser';
import { shot, signInWithPassword, type Person } from '../support/flows';
import { openFromMenu } from '../support/menu';
import { ownServerForFile } from '../support/own-server';

/**
 * Correcting a dream's codes end to end, at phone size, against the real server and PostgreSQL (the
 * demo practice): Dr Ruth Mensah opens Priya's patterns, finds the dream of her boss shouting at the
 * office in the dream codes, opens its "Correct codes" editor with the keyboard, says the boss is a
 * woman, saves, and the Male/Female % of the h-profile changes and the profile says two dreams are now
 * corrected. Checked with axe in the light and dark theme, with no sideways scroll at 390 px.
 */
test.describe.configure({ mode: 'serial' });

const PHONE = { width: 390, height: 844 };
const ruth: Person = {
  name: 'Dr Ruth Mensah',
  email: 'ruth.mensah@northside-demo.example',
  password: 'northside demo morning light',
};
const PRIYA = 'Priya Nair';
const OFFICE_DREAM = 'I was at the office and my boss was shouting';

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

/** The dream's card (not the code items inside it, which may quote the same words). */
const dreamCard = (p: Page) =>
  p
    .getByRole('listitem')
    .filter({ hasText: OFFICE_DREAM })
    .filter({ has: p.getByRole('button', { name: 'Correct codes' }) });

const maleFemaleRow = (p: Page) =>
  p.getByRole('table', { name: /Cohen’s h per indicator/ }).getByRole('row', { name: /Male\/Female %/ });

/**
 * Nothing of the dream codes section reaches past the right edge of a 390 px screen. (Measured on the
 * section: the tables above it are the other sections' own, laid out by their own components.)
 */
async function expectNoSidewaysScroll(p: Page) {
  const section = p.getByRole('region', { name: 'Dream codes' });
  const overflow = await section.evaluate((el) =>
    Math.max(
      el.scrollWidth - el.clientWidth,
      ...[el, ...Array.from(el.querySelectorAll('*'))].map((e) => e.getBoundingClientRect().right - window.innerWidth),
    ),
  );
  expect(overflow).toBeLessThanOrEqual(0);
}

test('Ruth corrects a code of one of Priya’s dreams and the h-profile counts it', async ({ browser }) => {
  side = await openPerson(browser, server.origin, PHONE);
  const p = page();
  await signInWithPassword(p, ruth);
  await openFromMenu(p, 'My clients');
  await p.getByRole('main').getByRole('link', { name: PRIYA, exact: true }).click();
  await expect(p.getByRole('heading', { level: 1, name: PRIYA })).toBeVisible();
  await p.getByRole('link', { name: 'Patterns', exact: true }).click();
  await expect(p.getByRole('heading', { name: 'Patterns', level: 1 })).toBeVisible();
  patternsPath = new URL(p.url()).pathname;

  // The demo has one dream corrected already; the list shows every shared dream with its codes.
  await expect(p.getByRole('heading', { name: 'Dream codes' })).toBeVisible();
  await expect(p.getByTestId('dreams-how')).toContainText(/ 1 of \d+ dreams corrected by the therapist/);
  // The h-profile comes from a request of its own: read its row once it shows its figures.
  await expect(maleFemaleRow(p)).toHaveText(/\d+%/);
  const before = (await maleFemaleRow(p).textContent()) ?? '';
  const dream = dreamCard(p);
  await expect(dream).toHaveCount(1);

  // Opened from the keyboard.
  const open = dream.getByRole('button', { name: 'Correct codes' });
  await open.focus();
  await p.keyboard.press('Enter');
  await expect(open).toHaveAttribute('aria-expanded', 'true');
  const boss = dream.getByRole('group', { name: /^c\d+: Character/ });
  await expect(boss).toHaveCount(1);
  await expect(boss.getByText(/Rests on: “.*boss/)).toBeVisible();
  await expectNoSidewaysScroll(p);
  await expectAccessible(p, 'the dream code editor');

  const sex = boss.getByLabel('Sex');
  await expect(sex).toHaveValue('indefinite');
  await sex.selectOption('female');
  await dream.getByRole('button', { name: 'Save corrections' }).click();
  await expect(dream.getByText('Saved. The indicators now count your corrections.')).toBeVisible();

  await expect(p.getByTestId('dreams-how')).toContainText(/ 2 of \d+ dreams corrected by the therapist/);
  await expect(maleFemaleRow(p)).not.toHaveText(before);
  await expect(dream.getByText('Corrected by you', { exact: true })).toBeVisible();
  await expectNoSidewaysScroll(p);
  await shot(p, 'patterns-corrections-phone');
  expectNoPageProblems(side!);
});

test('An edit the page did not know about is refused with 409 and the form keeps the change', async () => {
  const p = page();
  const dream = dreamCard(p);
  const boss = dream.getByRole('group', { name: /^c\d+: Character/ });
  // Someone else (another tab) clears the corrections in the meantime.
  const cleared = await p.evaluate(async (path) => {
    const clientId = path.split('/')[2]!;
    const list = await (await fetch(`/api/patterns/clients/${clientId}/dreams`)).json();
    const office = list.dreams.find((d: { opening: string }) => d.opening.startsWith('I was at the office'));
    const detail = await (await fetch(`/api/patterns/clients/${clientId}/dreams/${office.entryId}`)).json();
    const res = await fetch(
      `/api/patterns/clients/${clientId}/dreams/${office.entryId}/corrections?baseVersion=${detail.version}`,
      { method: 'DELETE', headers: { 'X-Undercurrent-CSRF': '1' } },
    );
    return res.status;
  }, patternsPath);
  expect(cleared).toBe(200);
  await boss.getByLabel('Who they are to the dreamer').selectOption('known');
  await boss.getByLabel('Sex').selectOption('male');
  await dream.getByRole('button', { name: 'Save corrections' }).click();
  await expect(dream.getByRole('alert')).toContainText('Your changes are still in the form');
  await expect(boss.getByLabel('Sex')).toHaveValue('male');
  await expectAccessible(p, 'the dream code editor after a refused save');

  await p.goto('/account');
  await p.getByRole('group', { name: 'Colours' }).getByRole('radio', { name: 'Dark' }).check();
  await expect(p.locator('html')).toHaveAttribute('data-theme', 'dark');
  await p.goto(patternsPath);
  const again = dreamCard(p);
  await again.getByRole('button', { name: 'Correct codes' }).click();
  await expect(again.getByRole('group', { name: /^c\d+: Character/ })).toHaveCount(1);
  await expectAccessible(p, 'the dream code editor (dark)');
  await shot(p, 'patterns-corrections-phone-dark');
});
