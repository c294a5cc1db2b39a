import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from '../support/accessibility';
import { expectNoPageProblems, openPerson, type Watched } from '../support/browser';
import { shot, signInWithPassword, type Person } from '../support/flows';
import { ownServerForFile } from '../support/own-server';
import { openFromMenu } from '../support/menu';
import { expectNoSidewaysScroll } from '../support/layout';
import { answerAndWaitForSave } from '../support/questionnaire';

/**
 * Questionnaires for clients end to end, at phone size, against the real server and PostgreSQL (the
 * demo practice). Dr Ruth Mensah sends Jamie Walsh a PHQ-9 from Jamie's Measures page. Jamie sees
 * "Questionnaires (1 to complete)" in the menu, answers three questions one screen at a time, closes
 * and reloads the page — and resumes at question 4 with the answers kept. Jamie finishes with item 9
 * answered "Several days", checks the answers and sends them (what follows for safety — crisis
 * resources at once, the alert, escalation — is safeguarding.spec.ts). Ruth then sees the result, flagged, on the
 * Measures page, and the request completed. axe runs on every page, light and dark.
 *
 * This file starts its own server with the demo practice seeded (e2e/start-server.mjs, UC_E2E_DEMO).
 */
test.describe.configure({ mode: 'serial' });

const PHONE = { width: 390, height: 844 };
const PASSWORD = 'northside demo morning light';
const ruth: Person = { name: 'Dr Ruth Mensah', email: 'ruth.mensah@northside-demo.example', password: PASSWORD };
const jamie: Person = { name: 'Jamie Walsh', email: 'jamie.walsh@northside-demo.example', password: PASSWORD };
const JAMIE = 'Jamie Walsh';

const sides: Watched[] = [];
/** The request that saves one answer of the client's questionnaire. */
const ANSWER_SAVE = /\/api\/questionnaires\/mine\/[^/]+\/answers\/[^/?]+$/;
let measuresPath = '';

const server = ownServerForFile({ demo: true });

test.afterAll(async () => {
  for (const side of sides) await side.context.close();
});

async function theme(p: Page, name: 'Dark' | 'Same as this device'): Promise<void> {
  await p.goto('/account');
  await p.getByRole('group', { name: 'Colours' }).getByRole('radio', { name }).check();
  if (name === 'Dark') await expect(p.locator('html')).toHaveAttribute('data-theme', 'dark');
}

test('Ruth sends Jamie a PHQ-9 now from the Measures page', async ({ browser }) => {
  const side = await openPerson(browser, server.origin, PHONE);
  sides.push(side);
  const p = side.page;
  await signInWithPassword(p, ruth);
  await openFromMenu(p, 'My clients');
  await p.getByRole('main').getByRole('link', { name: JAMIE, exact: true }).click();
  await expect(p.getByRole('heading', { level: 1, name: JAMIE })).toBeVisible();
  await p.getByRole('link', { name: 'Measures' }).click();
  await expect(p.getByRole('heading', { level: 1, name: `Measures: ${JAMIE}` })).toBeVisible();
  measuresPath = new URL(p.url()).pathname;

  const panel = p.getByRole('region', { name: 'Questionnaires for the client to complete' });
  await expect(panel.getByText('No questionnaire has been sent yet.')).toBeVisible();
  const sendForm = panel.getByRole('form', { name: 'Send one now' });
  await sendForm.getByLabel('Questionnaire').selectOption('phq-9');
  await sendForm.getByRole('button', { name: 'Send now' }).click();
  await expect(panel.getByText('Sent PHQ-9. It is open for 7 days.')).toBeVisible();
  const requests = panel.getByRole('list', { name: 'Requests' });
  await expect(
    requests.getByRole('listitem').filter({ hasText: 'PHQ-9' }).getByText('Open', { exact: true }),
  ).toBeVisible();
  await expectNoSidewaysScroll(p, 'the measures page with questionnaires');
  await expectAccessible(p, 'the measures page with questionnaires');
  await shot(p, 'questionnaires-therapist-phone');
  await theme(p, 'Dark');
  await p.goto(measuresPath);
  await expect(p.getByRole('region', { name: 'Questionnaires for the client to complete' })).toBeVisible();
  await expectAccessible(p, 'the measures page with questionnaires (dark)');
  await theme(p, 'Same as this device');
  expectNoPageProblems(side);
});

test('Jamie answers a few questions, reloads and resumes, checks the answers and sends them', async ({ browser }) => {
  const side = await openPerson(browser, server.origin, PHONE);
  sides.push(side);
  const p = side.page;
  await signInWithPassword(p, jamie);
  await openFromMenu(p, 'Questionnaires (1 to complete)');
  await expect(p.getByRole('heading', { level: 1, name: 'Questionnaires' })).toBeVisible();
  await expect(p.getByText('10 questions')).toBeVisible();
  await expectAccessible(p, 'my questionnaires');
  await p.getByRole('link', { name: 'Start PHQ-9' }).click();

  await expect(p.getByRole('heading', { level: 1, name: 'PHQ-9' })).toBeVisible();
  await expect(p.getByRole('heading', { name: 'Question 1 of 10' })).toBeFocused();
  await expect(
    p.getByText('Over the last 2 weeks, how often have you been bothered by any of the following problems?'),
  ).toBeVisible();
  await expect(p.getByText(/^Copyright © Pfizer Inc/)).toBeVisible();
  const first = p.getByRole('group', { name: 'Little interest or pleasure in doing things' });
  await expect(first.getByRole('radio')).toHaveCount(5); // four answers and "Prefer not to answer"
  await expectNoSidewaysScroll(p, 'a question');
  await expectAccessible(p, 'a question');
  await shot(p, 'questionnaires-question-phone');

  // Next without an answer says what to do.
  await p.getByRole('button', { name: 'Next' }).click();
  await expect(p.getByRole('alert').filter({ hasText: 'Choose an answer' })).toBeVisible();
  // Keyboard: arrow keys move within the radio group.
  await first.getByRole('radio', { name: 'Not at all' }).focus();
  await answerAndWaitForSave(p, () => p.keyboard.press('ArrowDown'));
  await expect(first.getByRole('radio', { name: 'Several days' })).toBeChecked();
  await p.getByRole('button', { name: 'Next' }).click();
  await expect(p.getByRole('heading', { name: 'Question 2 of 10' })).toBeFocused();
  await answerAndWaitForSave(p, () => p.getByRole('radio', { name: 'More than half the days' }).check());
  await p.getByRole('button', { name: 'Next' }).click();
  // Saved on the server before the reload (the reload must not overtake the save).
  await answerAndWaitForSave(p, () => p.getByRole('radio', { name: 'Prefer not to answer' }).check());

  // Closing the tab and coming back: it resumes where Jamie was, with the answers kept.
  await p.reload();
  await expect(p.getByRole('heading', { name: 'Question 4 of 10' })).toBeVisible();
  await p.getByRole('button', { name: 'Back' }).click();
  await expect(p.getByRole('radio', { name: 'Prefer not to answer' })).toBeChecked();
  await p.getByRole('button', { name: 'Back' }).click();
  await expect(p.getByRole('radio', { name: 'More than half the days' })).toBeChecked();
  await p.getByRole('button', { name: 'Next' }).click();
  await p.getByRole('button', { name: 'Next' }).click();

  for (let n = 4; n <= 8; n += 1) {
    await expect(p.getByRole('heading', { name: `Question ${n} of 10` })).toBeVisible();
    await answerAndWaitForSave(p, () => p.getByRole('radio', { name: 'Not at all' }).check());
    await p.getByRole('button', { name: 'Next' }).click();
  }
  await expect(p.getByRole('heading', { name: 'Question 9 of 10' })).toBeVisible();
  // Item 9's save is held back while Jamie answers the last question and reaches the review: “Send my
  // answers” waits for every answer still on its way, not only the last one's (the server would
  // refuse the answers as incomplete).
  let releaseItem9 = () => {};
  const item9Held = new Promise<void>((resolve) => (releaseItem9 = resolve));
  await p.route(
    ANSWER_SAVE,
    async (route) => {
      await item9Held;
      await route.continue();
    },
    { times: 1 },
  );
  await p
    .getByRole('group', { name: 'Thoughts that you would be better off dead or of hurting yourself in some way' })
    .getByRole('radio', { name: 'Several days' })
    .check();
  await p.getByRole('button', { name: 'Next' }).click();
  const lastSaved = p.waitForResponse((r) => r.request().method() === 'PUT' && ANSWER_SAVE.test(r.url()));
  await p.getByRole('radio', { name: 'Somewhat difficult' }).check();
  expect((await lastSaved).ok()).toBe(true);
  await p.getByRole('button', { name: 'Next' }).click();

  await expect(p.getByRole('heading', { name: 'Check your answers' })).toBeFocused();
  const send = p.getByRole('button', { name: 'Send my answers' });
  await expect(send).toHaveAttribute('aria-disabled', 'true');
  await expect(p.getByText('Saving your answer…')).toBeAttached();
  const item9Saved = p.waitForResponse((r) => r.request().method() === 'PUT' && ANSWER_SAVE.test(r.url()));
  releaseItem9();
  expect((await item9Saved).ok()).toBe(true);
  await expect(send).not.toHaveAttribute('aria-disabled', 'true');
  await expect(p.getByText('Answer saved.')).toBeAttached();
  await expect(p.getByText('Prefer not to answer')).toBeVisible();
  await expectNoSidewaysScroll(p, 'the review');
  await expectAccessible(p, 'the review');
  await shot(p, 'questionnaires-review-phone');
  await p.getByRole('button', { name: 'Send my answers' }).click();

  await expect(p.getByText('Your answers have been sent to your therapist.')).toBeVisible();
  // The crisis resources shown at once, and the alert that follows, are safeguarding.spec.ts's journey.
  await expect(p.getByRole('region', { name: 'If you are struggling right now' })).toBeVisible();

  await p.getByRole('button', { name: 'Menu' }).click();
  await expect(
    p.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Questionnaires', exact: true }),
  ).toBeVisible();

  await theme(p, 'Dark');
  await p.goto('/questionnaires');
  await expect(p.getByText('There is nothing to fill in at the moment.')).toBeVisible();
  await expectAccessible(p, 'my questionnaires (dark)');
  await theme(p, 'Same as this device');
  expectNoPageProblems(side);
});

test('Ruth sees Jamie’s answers on the Measures page, flagged, and the request completed', async ({ browser }) => {
  const side = await openPerson(browser, server.origin, PHONE);
  sides.push(side);
  const p = side.page;
  await signInWithPassword(p, ruth);
  await expect(p.getByRole('button', { name: 'Menu' })).toBeVisible();
  await p.goto(measuresPath);
  await expect(p.getByRole('heading', { level: 1, name: `Measures: ${JAMIE}` })).toBeVisible();
  const attention = p.getByRole('region', { name: 'Needs your attention' });
  // The demo has earlier results of Jamie's too (one flagged): look at today's.
  const today = new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/London',
  }).format(new Date());
  await expect(
    attention
      .getByRole('listitem')
      .filter({ hasText: today })
      .getByText(/Item 9 .* was answered ‘Several days’ — review risk\./),
  ).toBeVisible();
  const results = p.getByRole('table', { name: 'Results', exact: true });
  // 1 + 2 + 0×5 + 1 from the 8 answered, prorated to 9 questions: 4.5 → 5.
  await expect(
    results
      .getByRole('row')
      .filter({ hasText: 'PHQ-9' })
      .filter({ hasText: today })
      .getByRole('cell', { name: '5 of 27' }),
  ).toBeVisible();
  const requests = p
    .getByRole('region', { name: 'Questionnaires for the client to complete' })
    .getByRole('list', { name: 'Requests' });
  await expect(
    requests.getByRole('listitem').filter({ hasText: 'PHQ-9' }).getByText('Completed', { exact: true }),
  ).toBeVisible();
  await expectAccessible(p, 'the measures page with the portal result');
  await theme(p, 'Dark');
  await p.goto(measuresPath);
  await expect(p.getByRole('region', { name: 'Needs your attention' })).toBeVisible();
  await expectAccessible(p, 'the measures page with the portal result (dark)');
  await theme(p, 'Same as this device');
  expectNoPageProblems(side);
});
