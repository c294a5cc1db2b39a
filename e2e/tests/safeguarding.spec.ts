import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectAccessible } from '../support/accessibility';
import { expectNoPageProblems, openPerson, type Watched } from '../support/browser';
import { agreeToPolicy, shot, signInWithPassword, type Person } from '../support/flows';
import { ownServerForFile } from '../support/own-server';
import { openFromMenu } from '../support/menu';
import { expectNoSidewaysScroll } from '../support/layout';
import { answerAndWaitForSave } from '../support/questionnaire';

/**
 * Safeguarding end to end at phone size, against the real server and PostgreSQL (the demo practice),
 * as issue 6's "done means" says: Daniel answers a PHQ-9 in the portal with item 9 = 1 ("Several
 * days") → crisis resources appear at once (the region's lines and the practice's own) → Dr Ruth
 * Mensah is alerted (the badge and the alert) → with the clock advanced (the demo-only route, run by
 * Morgan the admin) the alert escalates to Dr Helen Marsh, the clinical lead, who sees it → Ruth
 * acknowledges and records her decision → writes the safety plan with Daniel → Daniel opens it from
 * his home page. Then: risk words in a private journal entry bring help at once without telling Ruth;
 * Hannah, who has not agreed to the practice's policy, is shown it (crisis lines and her safety plan
 * still one tap away) and agrees; Morgan adds a crisis resource of the practice's own and publishes a
 * new version of the policy, and Daniel is asked again. Axe on every page; dark on the crisis, safety
 * plan and policy pages.
 */
test.describe.configure({ mode: 'serial' });

const PHONE = { width: 390, height: 844 };
const PASSWORD = 'northside demo morning light';
const at = (key: string) => `${key}@northside-demo.example`;
const daniel: Person = { name: 'Daniel Okoro', email: at('daniel.okoro'), password: PASSWORD };
const ruth: Person = { name: 'Dr Ruth Mensah', email: at('ruth.mensah'), password: PASSWORD };
const helen: Person = { name: 'Dr Helen Marsh', email: at('helen.marsh'), password: PASSWORD };
const morgan: Person = { name: 'Morgan Ellis', email: at('morgan.ellis'), password: PASSWORD };
const hannah: Person = { name: 'Hannah Kowalski', email: at('hannah.kowalski'), password: PASSWORD };
const DANIEL = 'Daniel Okoro';
const DEMO_LOCAL = 'Northside Crisis Café (demo, fictional)';

const run = Date.now().toString(36);
const DECISION = `Call Daniel today (${run}); review at Thursday’s session.`;
const REASONS = 'Passive thoughts, no plan or intent; his brother is close by.';
const REASON_FOR_LIVING = `My brother’s children (${run}).`;
const NEW_RESOURCE = `Riverside Listening Line ${run}`;

const sides: Watched[] = [];

const server = ownServerForFile({ demo: true });

test.afterAll(async () => {
  for (const side of sides) await side.context.close();
});

async function signedIn(browser: Browser, person: Person): Promise<Watched> {
  const side = await openPerson(browser, server.origin, PHONE);
  sides.push(side);
  await signInWithPassword(side.page, person);
  // Signed in (and past two-step verification, which the demo's people skip): the menu is there.
  await expect(side.page.getByRole('button', { name: 'Menu' })).toBeVisible();
  return side;
}

/** axe in the light theme, then the dark one (the device's setting, which the app follows by default). */
async function expectAccessibleBothThemes(p: Page, what: string): Promise<void> {
  await expectAccessible(p, what);
  await p.emulateMedia({ colorScheme: 'dark' });
  await expectAccessible(p, `${what} (dark)`);
  await p.emulateMedia({ colorScheme: 'light' });
}

const alertAbout = (p: Page, name: string) => p.getByRole('listitem').filter({ has: p.getByRole('heading', { name }) });

let danielSide: Watched | undefined;
let ruthSide: Watched | undefined;
let morganSide: Watched | undefined;

test('Ruth sends Daniel a PHQ-9 from his Measures page', async ({ browser }) => {
  ruthSide = await signedIn(browser, ruth);
  const p = ruthSide.page;
  await openFromMenu(p, 'My clients');
  await p.getByRole('main').getByRole('link', { name: DANIEL, exact: true }).click();
  await p.getByRole('link', { name: 'Measures' }).click();
  await expect(p.getByRole('heading', { level: 1, name: `Measures: ${DANIEL}` })).toBeVisible();
  const sendForm = p.getByRole('form', { name: 'Send one now' });
  await sendForm.getByLabel('Questionnaire').selectOption('phq-9');
  await sendForm.getByRole('button', { name: 'Send now' }).click();
  await expect(p.getByText('Sent PHQ-9. It is open for 7 days.')).toBeVisible();
  expectNoPageProblems(ruthSide);
});

test('Daniel answers the PHQ-9 with item 9 “Several days”: crisis resources appear at once', async ({ browser }) => {
  danielSide = await signedIn(browser, daniel);
  const p = danielSide.page;
  await expect(p.getByRole('link', { name: 'My safety plan' })).toBeVisible();
  await openFromMenu(p, 'Questionnaires (1 to complete)');
  await p.getByRole('link', { name: 'Start PHQ-9' }).click();
  for (let n = 1; n <= 8; n += 1) {
    await expect(p.getByRole('heading', { name: `Question ${n} of 10` })).toBeVisible();
    await answerAndWaitForSave(p, () => p.getByRole('radio', { name: 'Not at all' }).check());
    await p.getByRole('button', { name: 'Next' }).click();
  }
  await expect(p.getByRole('heading', { name: 'Question 9 of 10' })).toBeVisible();
  await answerAndWaitForSave(p, () =>
    p
      .getByRole('group', { name: 'Thoughts that you would be better off dead or of hurting yourself in some way' })
      .getByRole('radio', { name: 'Several days' })
      .check(),
  );
  await p.getByRole('button', { name: 'Next' }).click();
  await answerAndWaitForSave(p, () => p.getByRole('radio', { name: 'Somewhat difficult' }).check());
  await p.getByRole('button', { name: 'Next' }).click();
  await expect(p.getByRole('heading', { name: 'Check your answers' })).toBeFocused();
  await p.getByRole('button', { name: 'Send my answers' }).click();

  await expect(p.getByText('Your answers have been sent to your therapist.')).toBeVisible();
  const crisis = p.getByRole('region', { name: 'If you are struggling right now' });
  await expect(crisis).toBeVisible();
  await expect(
    crisis.getByText('Call 999 or go to A&E if your life, or someone else’s, is at risk now.'),
  ).toBeVisible();
  await expect(crisis.getByRole('link', { name: 'Call Samaritans' })).toHaveAttribute('href', 'tel:116123');
  // The practice's own resource, after the region's lines.
  await expect(crisis.getByRole('heading', { name: DEMO_LOCAL })).toBeVisible();
  await expect(crisis.getByRole('link', { name: `Call ${DEMO_LOCAL}` })).toHaveAttribute('href', 'tel:01632960123');
  await expect(
    crisis.getByText('Your therapist will see your answers, and may talk with you about them.'),
  ).toBeVisible();
  await expectNoSidewaysScroll(p, 'the crisis resources after the PHQ-9');
  await expectAccessibleBothThemes(p, 'the crisis resources after the PHQ-9');
  await shot(p, 'safeguarding-phq9-crisis-phone');
  expectNoPageProblems(danielSide);
});

test('Ruth is alerted: a badge in the navigation and the alert, without Daniel’s answers', async () => {
  const p = (ruthSide as Watched).page;
  await p.reload();
  await openFromMenu(p, 'Alerts (1 open)');
  await expect(p.getByRole('heading', { level: 1, name: 'Alerts' })).toBeVisible();
  const alert = alertAbout(p, DANIEL);
  await expect(alert.getByText('A questionnaire answer (PHQ-9 item 9): answered above “not at all”')).toBeVisible();
  await expect(alert.getByText('Not yet acknowledged')).toBeVisible();
  await expect(p.getByText('Several days')).toHaveCount(0);
  await expectNoSidewaysScroll(p, 'the alerts page');
  await expectAccessible(p, 'the alerts page');
  await shot(p, 'safeguarding-alerts-phone');
  expectNoPageProblems(ruthSide as Watched);
});

test('four hours on, unacknowledged, the alert escalates to the clinical lead, who sees it', async ({ browser }) => {
  morganSide = await signedIn(browser, morgan);
  const ran = await morganSide.page.evaluate(async () => {
    const res = await fetch('/api/safeguarding/demo/run-alerts', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Undercurrent-CSRF': '1' },
      body: JSON.stringify({ minutesAhead: 241 }),
    });
    return { status: res.status, body: (await res.json()) as { escalated: number } };
  });
  expect(ran.status).toBe(200);
  expect(ran.body.escalated).toBeGreaterThanOrEqual(1);

  const lead = await signedIn(browser, helen);
  const p = lead.page;
  await openFromMenu(p, /^Alerts/);
  const alert = alertAbout(p, DANIEL);
  await expect(alert.getByText('Escalated to you as clinical lead')).toBeVisible();
  await expect(alert.getByText('A questionnaire answer (PHQ-9 item 9): answered above “not at all”')).toBeVisible();
  await expectNoSidewaysScroll(p, 'the clinical lead’s alerts');
  await expectAccessible(p, 'the clinical lead’s alerts');
  await shot(p, 'safeguarding-lead-alerts-phone');
  expectNoPageProblems(lead);
});

test('Ruth acknowledges the alert and records her decision in Daniel’s risk record', async () => {
  const p = (ruthSide as Watched).page;
  await p.reload();
  const alert = alertAbout(p, DANIEL);
  await expect(alert.getByText(/^Escalated to Dr Helen Marsh, /)).toBeVisible();
  await alert.getByRole('button', { name: `Acknowledge the alert about ${DANIEL}` }).click();
  await expect(alert.getByText(/^Acknowledged by Dr Ruth Mensah, /)).toBeVisible();
  await alert.getByRole('link', { name: `Open ${DANIEL}’s risk record` }).click();

  await expect(p.getByRole('heading', { level: 1, name: `Risk record: ${DANIEL}` })).toBeVisible();
  // Whether and when Daniel agreed to the practice's policy (the demo: version 1, when he joined).
  await expect(
    p
      .getByRole('region', { name: 'The practice’s safeguarding policy' })
      .getByText(/^Agreed to the current policy \(version 1\) on /),
  ).toBeVisible();
  await p.getByRole('textbox', { name: 'What was decided' }).fill(DECISION);
  await p.getByRole('textbox', { name: 'Why' }).fill(REASONS);
  await p.getByRole('textbox', { name: /^Who was told/ }).fill('Dr Helen Marsh (clinical lead).');
  await p.getByLabel('Was the client informed?').selectOption('yes');
  await p.getByRole('textbox', { name: 'How the client was informed' }).fill('By phone this afternoon.');
  await p.getByRole('button', { name: 'Record the decision' }).click();
  await expect(p.getByText('The decision is recorded.')).toBeVisible();
  const log = p.getByRole('region', { name: 'Decision log' });
  await expect(log.getByText(DECISION)).toBeVisible();
  await expect(log.getByText('Yes — By phone this afternoon.')).toBeVisible();
  await expectNoSidewaysScroll(p, 'the risk record');
  await expectAccessible(p, 'the risk record');
  await shot(p, 'safeguarding-risk-record-phone');
  expectNoPageProblems(ruthSide as Watched);
});

test('Ruth writes the safety plan with Daniel', async () => {
  const p = (ruthSide as Watched).page;
  await p.getByRole('link', { name: 'Safety plan' }).click();
  await expect(p.getByRole('heading', { level: 1, name: /^Safety plan/ })).toBeVisible();
  await expect(p.getByText('No plan has been written yet.')).toBeVisible();
  await p.getByRole('textbox', { name: /^1\. Warning signs/ }).fill('Lying awake; not answering messages.');
  await p.getByRole('textbox', { name: /^4\. People I can ask for help/ }).fill('My brother Femi.');
  await p.getByRole('textbox', { name: /^My reasons for living/ }).fill(REASON_FOR_LIVING);
  await p.getByRole('button', { name: 'Save the plan' }).click();
  await expect(p.getByText('The plan is saved.')).toBeVisible();
  await expect(p.getByText(/^Version 1, written by Dr Ruth Mensah, /)).toBeVisible();
  await expectNoSidewaysScroll(p, 'the safety plan editor');
  await expectAccessible(p, 'the safety plan editor');
  expectNoPageProblems(ruthSide as Watched);
});

test('Daniel opens his safety plan from the home page, in light and dark', async () => {
  const p = (danielSide as Watched).page;
  await p.goto('/');
  await expect(p.getByRole('heading', { level: 1, name: `Hello, ${DANIEL}` })).toBeVisible();
  await p.getByRole('link', { name: 'My safety plan' }).click();
  await expect(p.getByRole('heading', { level: 1, name: 'My safety plan' })).toBeVisible();
  await expect(p.getByRole('region', { name: 'My reasons for living' }).getByText(REASON_FOR_LIVING)).toBeVisible();
  await expect(
    p.getByRole('region', { name: '4. People I can ask for help' }).getByText('My brother Femi.'),
  ).toBeVisible();
  await expectNoSidewaysScroll(p, 'the safety plan');
  await expectAccessibleBothThemes(p, 'my safety plan');
  await shot(p, 'safeguarding-my-plan-phone');
  expectNoPageProblems(danielSide as Watched);
});

test('risk words in a private journal entry: help at once, and Ruth is not told', async () => {
  const p = (danielSide as Watched).page;
  await p.goto('/journal/new/reflection');
  await expect(p.getByRole('heading', { level: 1, name: 'A reflection' })).toBeVisible();
  await p
    .getByRole('textbox', { name: 'Your reflection' })
    .fill(`Evening ${run}. Some nights I think everyone would be better off without me.`);
  const panel = p.getByRole('region', { name: 'Help is here if you need it' });
  await expect(panel).toBeVisible();
  await expect(panel.getByRole('link', { name: 'Samaritans' })).toHaveAttribute('href', 'tel:116123');
  await expect(panel.getByRole('link', { name: DEMO_LOCAL })).toBeVisible();
  await expect(panel.getByText(/Your therapist has not been told/)).toBeVisible();
  await expectNoSidewaysScroll(p, 'the help panel');
  await expectAccessibleBothThemes(p, 'the help panel over the editor');
  await shot(p, 'safeguarding-help-panel-phone');
  await p.getByRole('button', { name: 'Done' }).click();
  await expect(p).toHaveURL(/\/journal\/[0-9a-f-]{36}$/);

  // The entry is private and the practice's policy says "never": no new alert for Ruth.
  const rp = (ruthSide as Watched).page;
  await rp.goto('/alerts');
  await expect(alertAbout(rp, DANIEL).getByText(/^Acknowledged by Dr Ruth Mensah, /)).toBeVisible();
  await expect(alertAbout(rp, DANIEL)).toHaveCount(1);
  expectNoPageProblems(danielSide as Watched);
});

test('Hannah has not agreed to the policy: she is shown it first, with help still one tap away, and agrees', async ({
  browser,
}) => {
  const side = await openPerson(browser, server.origin, PHONE);
  sides.push(side);
  const p = side.page;
  await signInWithPassword(p, hannah);
  const step = p.getByRole('heading', { level: 1, name: 'Before you start: keeping you safe' });
  await expect(step).toBeVisible();
  await expect(p.getByText('What you write in your journal is yours.', { exact: false })).toBeVisible();
  const worrying = p.getByRole('region', { name: 'If you write something worrying' });
  await expect(worrying.getByText(/If it is in a private entry, your therapist is not told\./)).toBeVisible();
  await expect(worrying.getByText(/within 4 hours, the practice’s clinical lead is told/)).toBeVisible();
  const crisis = p.getByRole('region', { name: 'If you need help now' });
  await expect(crisis.getByRole('link', { name: 'Call Samaritans' })).toBeVisible();
  await expect(crisis.getByRole('heading', { name: DEMO_LOCAL })).toBeVisible();
  await expectNoSidewaysScroll(p, 'the policy step');
  await expectAccessibleBothThemes(p, 'the policy step');
  await shot(p, 'safeguarding-policy-step-phone');

  // Her other pages wait for the agreement; help does not.
  await p.goto('/journal');
  await expect(step).toBeVisible();
  await crisis.getByRole('link', { name: 'Open my safety plan' }).click();
  await expect(p.getByRole('heading', { level: 1, name: 'My safety plan' })).toBeVisible();
  await p.getByRole('link', { name: 'Need help now?' }).first().click();
  await expect(p.getByRole('heading', { level: 1, name: 'Need help now?' })).toBeVisible();
  await p.goto('/');
  await agreeToPolicy(p);
  await expect(p.getByRole('heading', { level: 1, name: `Hello, ${hannah.name}` })).toBeVisible();
  await p.reload();
  await expect(p.getByRole('heading', { level: 1, name: `Hello, ${hannah.name}` })).toBeVisible();
  expectNoPageProblems(side);
});

test('Morgan adds a crisis resource of the practice’s own and publishes a new policy: Daniel is asked again', async () => {
  const p = (morganSide as Watched).page;
  await openFromMenu(p, 'Safeguarding');
  await expect(p.getByRole('heading', { level: 1, name: 'Safeguarding' })).toBeVisible();
  const own = p.getByRole('region', { name: 'Your own crisis resources' });
  await expect(own.getByRole('group', { name: `Resource 1: ${DEMO_LOCAL}` })).toBeVisible();
  await own.getByRole('button', { name: 'Add a resource' }).click();
  const added = own.getByRole('group', { name: 'Resource 2' });
  await added.getByRole('textbox', { name: 'Name' }).fill(NEW_RESOURCE);
  await added.getByRole('textbox', { name: /^Phone number/ }).fill('call us any time');
  await added.getByRole('textbox', { name: /^Website/ }).fill('https://listening.example.org');
  await added.getByRole('textbox', { name: /^When it is open/ }).fill('Weekdays, 9am to 9pm');
  await own.getByRole('button', { name: 'Save the crisis resources' }).click();
  await expect(own.getByText(/the phone number should be a number someone can dial/).first()).toBeVisible();
  await added.getByRole('textbox', { name: /^Phone number/ }).fill('01632 960 456');
  // Listed first, above the demo's.
  await own.getByRole('button', { name: `Move ${NEW_RESOURCE} up` }).click();
  await expect(own.getByRole('group', { name: `Resource 1: ${NEW_RESOURCE}` })).toBeVisible();
  await own.getByRole('button', { name: 'Save the crisis resources' }).click();
  await expect(own.getByText('Your crisis resources are saved.')).toBeVisible();
  await expectNoSidewaysScroll(p, 'the safeguarding settings');
  await expectAccessible(p, 'the safeguarding settings');
  await shot(p, 'safeguarding-settings-phone');

  const policy = p.getByRole('textbox', { name: /^Your written policy/ });
  await expect(policy).toHaveValue(/What you write in your journal is yours/);
  await policy.fill(`${await policy.inputValue()}\n\nWe review this policy every year (${run}).`);
  await p.getByRole('button', { name: 'Save the settings' }).click();
  await expect(p.getByText('The settings are saved.')).toBeVisible();
  await expect(p.getByText(/now version 2/)).toBeVisible();
  expectNoPageProblems(morganSide as Watched);

  // Daniel, at his next page load, is asked again, and sees the new resource with the region's lines.
  const dp = (danielSide as Watched).page;
  await dp.goto('/');
  await expect(dp.getByRole('heading', { level: 1, name: 'Before you start: keeping you safe' })).toBeVisible();
  await expect(dp.getByText(/has updated this policy \(now version 2\)/)).toBeVisible();
  await expect(dp.getByText(`We review this policy every year (${run}).`)).toBeVisible();
  const crisis = dp.getByRole('region', { name: 'If you need help now' });
  await expect(crisis.getByRole('link', { name: `Call ${NEW_RESOURCE}` })).toHaveAttribute('href', 'tel:01632960456');
  await agreeToPolicy(dp);
  await expect(dp.getByRole('heading', { level: 1, name: `Hello, ${DANIEL}` })).toBeVisible();

  // Ruth sees the new agreement on his risk record.
  const rp = (ruthSide as Watched).page;
  await alertAbout(rp, DANIEL)
    .getByRole('link', { name: `Open ${DANIEL}’s risk record` })
    .click();
  await expect(
    rp
      .getByRole('region', { name: 'The practice’s safeguarding policy' })
      .getByText(/^Agreed to the current policy \(version 2\) on /),
  ).toBeVisible();
  expectNoPageProblems(danielSide as Watched);
});
