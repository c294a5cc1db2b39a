import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectAccessible } from '../support/accessibility';
import { expectNoPageProblems, openPerson, type Watched } from '../support/browser';
import { shot, signInWithPassword, type Person } from '../support/flows';
import { startOwnServer, type OwnServer } from '../support/own-server';
import { openFromMenu } from '../support/menu';

/**
 * Safeguarding end to end at phone size, against the real server and PostgreSQL (the demo practice):
 * Daniel writes a reflection with words on the practice's risk list → help appears at once → he
 * shares it → Dr Ruth Mensah is alerted (badge, alerts page) → the alerts job is run as if four
 * hours later (the demo-only route, as Morgan the admin) → it escalates to Dr Helen Marsh, the
 * clinical lead → Ruth acknowledges and records her decision → writes the safety plan with Daniel
 * → Daniel opens it from his home page. Axe on every page, light and dark.
 *
 * The trigger is a shared journal entry; the portal PHQ-9 (built in parallel) goes through the same
 * insertResponse trigger and can be added to this journey after merging.
 */
test.describe.configure({ mode: 'serial' });

const PHONE = { width: 390, height: 844 };
const PASSWORD = 'northside demo morning light';
const at = (key: string) => `${key}@northside-demo.example`;
const daniel: Person = { name: 'Daniel Okoro', email: at('daniel.okoro'), password: PASSWORD };
const ruth: Person = { name: 'Dr Ruth Mensah', email: at('ruth.mensah'), password: PASSWORD };
const helen: Person = { name: 'Dr Helen Marsh', email: at('helen.marsh'), password: PASSWORD };
const morgan: Person = { name: 'Morgan Ellis', email: at('morgan.ellis'), password: PASSWORD };

const run = Date.now().toString(36);
const WORDS = `Evening ${run}. Some nights I think everyone would be better off without me.`;
const DECISION = `Call Daniel today (${run}); review at Thursday’s session.`;
const REASONS = 'Passive thoughts, no plan or intent; his brother is close by.';
const REASON_FOR_LIVING = `My brother’s children (${run}).`;

let server: OwnServer | undefined;
const sides: Watched[] = [];

test.beforeAll(async () => {
  test.setTimeout(150_000);
  server = await startOwnServer({ demo: true });
});

test.afterAll(async () => {
  try {
    for (const side of sides) await side.context.close();
  } finally {
    await server?.stop();
  }
});

async function signedIn(browser: Browser, person: Person): Promise<Watched> {
  const side = await openPerson(browser, server?.origin ?? '', PHONE);
  sides.push(side);
  await signInWithPassword(side.page, person);
  // Signed in (and past two-step verification, which the demo's people skip): the menu is there.
  await expect(side.page.getByRole('button', { name: 'Menu' })).toBeVisible();
  return side;
}

async function expectNoSidewaysScroll(p: Page, what: string): Promise<void> {
  const overflow = await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `no sideways scrolling on ${what} at 390 px`).toBeLessThanOrEqual(0);
}

async function openMenuLink(p: Page, name: string | RegExp): Promise<void> {
  await openFromMenu(p, name);
}

let danielSide: Watched | undefined;
let ruthSide: Watched | undefined;

test('Daniel writes words on the risk list: help appears at once, then he shares the entry', async ({ browser }) => {
  danielSide = await signedIn(browser, daniel);
  const p = danielSide.page;
  await expect(p.getByRole('link', { name: 'My safety plan' })).toBeVisible();
  await p.goto('/journal/new/reflection');
  await expect(p.getByRole('heading', { level: 1, name: 'A reflection' })).toBeVisible();
  await p.getByRole('textbox', { name: 'Your reflection' }).fill(WORDS);
  const panel = p.getByRole('region', { name: 'Help is here if you need it' });
  await expect(panel).toBeVisible();
  await expect(panel.getByRole('link', { name: 'Samaritans' })).toHaveAttribute('href', 'tel:116123');
  await expect(panel.getByText(/Your therapist has not been told/)).toBeVisible();
  await expectNoSidewaysScroll(p, 'the help panel');
  await expectAccessible(p, 'the help panel over the editor');
  await shot(p, 'safeguarding-help-panel-phone');

  await p.getByRole('button', { name: 'Done' }).click();
  await expect(p).toHaveURL(/\/journal\/[0-9a-f-]{36}$/);
  const privacy = p.getByRole('region', { name: 'Who can see this' });
  await privacy.getByRole('button', { name: 'Share with my therapist' }).click();
  await p.getByRole('alertdialog').getByRole('button', { name: 'Share', exact: true }).click();
  await expect(privacy.getByText('Shared with your therapist.', { exact: true }).last()).toBeVisible();
  expectNoPageProblems(danielSide);
});

test('Ruth is alerted: a badge in the navigation and the alert, without Daniel’s words', async ({ browser }) => {
  ruthSide = await signedIn(browser, ruth);
  const p = ruthSide.page;
  await openMenuLink(p, /^Alerts \(\d+ open\)$/);
  await expect(p.getByRole('heading', { level: 1, name: 'Alerts' })).toBeVisible();
  const alert = p.getByRole('listitem').filter({ has: p.getByRole('heading', { name: 'Daniel Okoro' }) });
  await expect(alert.getByText('Words in a journal entry: in an entry shared with you')).toBeVisible();
  await expect(alert.getByText('Not yet acknowledged')).toBeVisible();
  await expect(p.getByText('better off without me')).toHaveCount(0);
  await expectNoSidewaysScroll(p, 'the alerts page');
  await expectAccessible(p, 'the alerts page');
  await shot(p, 'safeguarding-alerts-phone');
  expectNoPageProblems(ruthSide);
});

test('four hours on, unacknowledged, the alert escalates to the clinical lead', async ({ browser }) => {
  const admin = await signedIn(browser, morgan);
  const ran = await admin.page.evaluate(async () => {
    const res = await fetch('/api/safeguarding/demo/run-alerts', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Undercurrent-CSRF': '1' },
      body: JSON.stringify({ minutesAhead: 241 }),
    });
    return { status: res.status, body: (await res.json()) as { escalated: number } };
  });
  expect(ran.status).toBe(200);
  expect(ran.body.escalated).toBeGreaterThanOrEqual(1);

  // Morgan's safeguarding settings: the written policy, the clinical lead, a phrase of the practice's own.
  const ap = admin.page;
  await openMenuLink(ap, 'Safeguarding');
  await expect(ap.getByRole('heading', { level: 1, name: 'Safeguarding' })).toBeVisible();
  await expect(ap.getByRole('textbox', { name: /^Your written policy/ })).toHaveValue(
    /What you write in your journal is yours/,
  );
  await expect(ap.getByLabel('Clinical lead')).toHaveValue(/[0-9a-f-]{36}/);
  await ap.getByRole('textbox', { name: /^Phrases you add/ }).fill('give up on everything');
  await ap.getByRole('button', { name: 'Save the settings' }).click();
  await expect(ap.getByText('The settings are saved.')).toBeVisible();
  await expectNoSidewaysScroll(ap, 'the safeguarding settings');
  await expectAccessible(ap, 'the safeguarding settings');
  expectNoPageProblems(admin);

  const lead = await signedIn(browser, helen);
  const p = lead.page;
  await openMenuLink(p, /^Alerts/);
  const alert = p.getByRole('listitem').filter({ has: p.getByRole('heading', { name: 'Daniel Okoro' }) });
  await expect(alert.getByText('Escalated to you as clinical lead')).toBeVisible();
  await expectAccessible(p, 'the clinical lead’s alerts');
  expectNoPageProblems(lead);
});

test('Ruth acknowledges the alert and records her decision in Daniel’s risk record', async () => {
  const p = (ruthSide as Watched).page;
  await p.reload();
  const alert = p.getByRole('listitem').filter({ has: p.getByRole('heading', { name: 'Daniel Okoro' }) });
  await expect(alert.getByText(/^Escalated to Dr Helen Marsh, /)).toBeVisible();
  await alert.getByRole('button', { name: 'Acknowledge the alert about Daniel Okoro' }).click();
  await expect(alert.getByText(/^Acknowledged by Dr Ruth Mensah, /)).toBeVisible();
  await alert.getByRole('link', { name: 'Open Daniel Okoro’s risk record' }).click();

  await expect(p.getByRole('heading', { level: 1, name: 'Risk record: Daniel Okoro' })).toBeVisible();
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
  await expectAccessible(p, 'the safety plan editor');
  expectNoPageProblems(ruthSide as Watched);
});

test('Daniel opens his safety plan from the home page, in light and dark', async () => {
  const p = (danielSide as Watched).page;
  await p.goto('/');
  await p.getByRole('link', { name: 'My safety plan' }).click();
  await expect(p.getByRole('heading', { level: 1, name: 'My safety plan' })).toBeVisible();
  await expect(p.getByRole('region', { name: 'My reasons for living' }).getByText(REASON_FOR_LIVING)).toBeVisible();
  await expect(
    p.getByRole('region', { name: '4. People I can ask for help' }).getByText('My brother Femi.'),
  ).toBeVisible();
  await expectNoSidewaysScroll(p, 'the safety plan');
  await expectAccessible(p, 'my safety plan');
  await shot(p, 'safeguarding-my-plan-phone');

  await p.goto('/account');
  await p.getByRole('group', { name: 'Colours' }).getByRole('radio', { name: 'Dark' }).check();
  await expect(p.locator('html')).toHaveAttribute('data-theme', 'dark');
  await p.goto('/my/safety-plan');
  await expect(p.getByText(REASON_FOR_LIVING)).toBeVisible();
  await expectAccessible(p, 'my safety plan (dark)');
  await p.goto('/journal/new/reflection');
  await p.getByRole('textbox', { name: 'Your reflection' }).fill(`Later ${run}: I can’t go on like this.`);
  await expect(p.getByRole('region', { name: 'Help is here if you need it' })).toBeVisible();
  await expectAccessible(p, 'the help panel (dark)');
  await shot(p, 'safeguarding-help-panel-phone-dark');
  expectNoPageProblems(danielSide as Watched);
});
