import { expect, type Page } from '@playwright/test';
import { expectAccessible } from './accessibility';
import { shot } from './flows';
import { openPublicPage } from './public-page';
export { expectNoSidewaysScroll } from './layout';

/**
 * Journey A of the intake (issue 8) as a new visitor takes it on the demo practice, for intake.spec.ts
 * and for the practice-side spec to continue from: the public pages → "Is this right for me?" → the
 * intake form (consent given) → the therapists ranked with reasons → a free first-consultation time
 * asked for → "requested". The visitor asks for an online, evening, Welsh-speaking woman therapist,
 * which is Nia Jones in the demo (Tuesday and Thursday evenings, English and Welsh, online).
 *
 * The page's clock is Playwright's (installed here, before the first page loads) so the form can be
 * shown to have been open long enough for a person (the server refuses one sent within 3 s) without
 * waiting in real time.
 */
export interface Visitor {
  name: string;
  email: string;
}

export interface RequestedConsultation {
  /** The person's own page (their private link). */
  enquiryUrl: string;
  therapist: string;
  /** The time asked for, as the page says it ("Tuesday 8 December at 17:00"). */
  when: string;
}

export const DEMO_SLUG = 'northside-demo';
export const MATCHED_THERAPIST = 'Nia Jones';

/** axe in the light theme and in the dark one (the device's setting), then back. */
export async function expectAccessibleBothThemes(page: Page, what: string): Promise<void> {
  await expectAccessible(page, what);
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectAccessible(page, `${what} (dark)`);
  await page.emulateMedia({ colorScheme: 'light' });
}

/** Fills in the part of the intake form about the person (name, e-mail, what brings them). */
export async function fillAboutYou(page: Page, visitor: Visitor, brings: string): Promise<void> {
  await page.getByRole('textbox', { name: /^Your name/ }).fill(visitor.name);
  await page.getByRole('textbox', { name: /^Your e-mail address/ }).fill(visitor.email);
  await page.getByRole('textbox', { name: /^What brings you to therapy\?/ }).fill(brings);
}

/** Ticks consent and sends the form, its clock moved on past the shortest time a person takes. */
export async function consentAndSend(page: Page): Promise<void> {
  await page.getByRole('checkbox', { name: /I agree that the practice may keep what I have written here/ }).check();
  await page.clock.fastForward(5_000);
  await page.getByRole('button', { name: 'Send my enquiry' }).click();
}

export async function requestConsultationAsNewVisitor(page: Page, visitor: Visitor): Promise<RequestedConsultation> {
  await page.clock.install();
  await openPublicPage(page, '/');
  await expect(page.getByRole('heading', { level: 1, name: 'Northside Psychotherapy' })).toBeVisible();
  await expectAccessibleBothThemes(page, 'journey A: the public home');
  const nav = page.getByRole('navigation', { name: 'The practice' });
  await nav.getByRole('link', { name: 'What psychodynamic therapy is' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'What psychodynamic therapy is' })).toBeVisible();

  // The reflection, then on from its result to the form.
  await nav.getByRole('link', { name: 'Is this right for me?' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Is this right for me?' })).toBeVisible();
  const answer = async (question: RegExp, option: string) =>
    page.getByRole('group', { name: question }).getByRole('radio', { name: option, exact: true }).check();
  await answer(/in danger/, 'No');
  await answer(/How curious are you/, 'Very curious');
  await answer(/same patterns keep coming back/, 'Often');
  await answer(/most like from therapy/, 'To understand myself more deeply');
  await answer(/How long could you give/, 'As long as it takes, a year or more');
  await answer(/How often could you come/, 'Once a week');
  await page.getByRole('button', { name: 'See what might suit me' }).click();
  const result = page.getByRole('region', { name: /What might suit you/ });
  await expect(result).toBeVisible();
  await result.getByRole('link', { name: 'Ask about a first consultation' }).click();

  // The intake form: what is kept and why first, then the questions.
  await expect(page).toHaveURL(new RegExp(`/p/${DEMO_SLUG}/enquire$`));
  await expect(page.getByRole('heading', { level: 1, name: 'Ask about a first consultation' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'What we keep, and why' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Read the privacy notice' })).toHaveAttribute(
    'href',
    `/p/${DEMO_SLUG}/privacy`,
  );
  await expectAccessibleBothThemes(page, 'journey A: the intake form');
  await fillAboutYou(
    page,
    visitor,
    'Since my mother died I keep pushing people away, and I would like to understand why.',
  );
  await page
    .getByRole('group', { name: /Is any of these part of it/ })
    .getByLabel('Who I am')
    .check();
  await page.getByRole('textbox', { name: /^Have you had therapy or counselling before\?/ }).fill('None.');
  await page.getByRole('group', { name: 'Where would you like to meet?' }).getByLabel('Online').check();
  const days = page.getByRole('group', { name: 'Which days could you come?' });
  await days.getByLabel('Tuesday').check();
  await days.getByLabel('Thursday').check();
  await page.getByRole('group', { name: 'At what time of day?' }).getByLabel('Evenings').check();
  await page.getByRole('textbox', { name: /^A language other than English/ }).fill('Welsh');
  await page
    .getByRole('group', { name: /particular gender/ })
    .getByLabel('A woman')
    .check();
  await page.getByRole('textbox', { name: /^The most you could pay/ }).fill('60');
  await page
    .getByRole('group', { name: /harming themselves or ending their life/ })
    .getByLabel('No', { exact: true })
    .check();
  await shot(page, 'intake-form');
  await consentAndSend(page);

  // The person's own page: sent, consent recorded, therapists ranked with reasons.
  await expect(page).toHaveURL(/\/enquiry\/[0-9a-f-]{36}\.[A-Za-z0-9_-]+$/);
  await expect(page.getByRole('heading', { level: 2, name: 'Your enquiry has been sent' })).toBeVisible();
  await expect(page.getByText(/You agreed on \d+ \w+ \d{4} that the practice may keep what you wrote/)).toBeVisible();
  const matches = page.getByRole('region', { name: 'Therapists who might suit you' });
  const cards = matches.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3 }) });
  await expect(cards.first().getByRole('heading', { level: 3 })).toHaveText(MATCHED_THERAPIST);
  await expect(cards).toHaveCount(3);
  const first = cards.first();
  for (const reason of [
    'Fits: Has space when you can come (Tuesday evenings, Thursday evenings).',
    'Fits: Works online.',
    'Fits: Works in Welsh.',
    'Fits: Is a woman, as you asked.',
    'Fits: Fee £55, within what you gave.',
  ]) {
    await expect(first.getByText(reason.replace('Fits: ', ''))).toBeVisible();
    await expect(first.getByRole('listitem').filter({ hasText: reason.replace('Fits: ', '') })).toHaveText(
      `✓${reason}`,
    );
  }
  await expect(cards.nth(2).getByText('Does not work in Welsh.')).toBeVisible();
  await expectAccessibleBothThemes(page, 'journey A: the person’s page with ranked therapists');
  await shot(page, 'intake-ranked');

  // A real free time, chosen with the keyboard.
  await first.getByRole('button', { name: `Free times with ${MATCHED_THERAPIST}` }).click();
  const picker = first.getByRole('group', {
    name: `Choose a time for a free first consultation with ${MATCHED_THERAPIST}`,
  });
  await expect(picker.getByText('Times are shown in your device’s time zone (Europe/London).')).toBeVisible();
  const day = picker.getByRole('combobox', { name: 'Day' });
  await expect(day.getByRole('option').first()).toHaveText(/^(Tuesday|Thursday) \d+ \w+ — \d+ free times?$/);
  const times = picker.getByRole('group', { name: 'Time' }).getByRole('radio');
  await expect(times.first()).toBeVisible();
  await times.first().focus();
  await page.keyboard.press('Space');
  await expect(times.first()).toBeChecked();
  const dayText = ((await day.locator('option:checked').textContent()) ?? '').split(' — ')[0] ?? '';
  const timeText = ((await picker.locator('label.slot-time').first().textContent()) ?? '').trim();
  await expectAccessibleBothThemes(page, 'journey A: the slot picker');
  await first.getByRole('button', { name: 'Ask for this time' }).click();
  const when = `${dayText} at ${timeText}`;
  await expect(page.getByText('You have asked for a first consultation.', { exact: false })).toBeVisible();
  await expect(page.getByText(`With ${MATCHED_THERAPIST}, ${when}.`)).toBeVisible();
  await shot(page, 'intake-requested');
  return { enquiryUrl: page.url(), therapist: MATCHED_THERAPIST, when };
}
