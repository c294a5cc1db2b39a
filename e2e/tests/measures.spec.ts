import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from '../support/accessibility';
import { expectNoPageProblems, openPerson, type Watched } from '../support/browser';
import { shot, signInWithPassword, type Person } from '../support/flows';
import { ownServerForFile } from '../support/own-server';
import { openFromMenu } from '../support/menu';
import { expectNoSidewaysScroll } from '../support/layout';

/**
 * Outcome measures end to end, at phone size, against the real server and PostgreSQL (the demo
 * practice). The admin, Morgan Ellis, imports a WSAS-shaped definition (placeholder wording: the
 * real one is copyrighted) — first a broken one pasted, whose problems are listed, then the fixed one
 * chosen as a file — and
 * views its questions as they will be shown. Dr Ruth Mensah opens Priya's measures (the demo's PHQ-9
 * and GAD-7), enters a PHQ-9 from paper with one question left blank (the prorated total is shown)
 * and item 9 answered "Several days" (the flag is shown), and downloads the FHIR bundle. Every page
 * is checked with axe, in the light and dark theme.
 *
 * This file starts its own server with the demo practice seeded (e2e/start-server.mjs, UC_E2E_DEMO).
 */
test.describe.configure({ mode: 'serial' });

const PHONE = { width: 390, height: 844 };
const PASSWORD = 'northside demo morning light';
const morgan: Person = { name: 'Morgan Ellis', email: 'morgan.ellis@northside-demo.example', password: PASSWORD };
const ruth: Person = { name: 'Dr Ruth Mensah', email: 'ruth.mensah@northside-demo.example', password: PASSWORD };
const PRIYA = 'Priya Nair';

const WSAS_SHAPED = {
  id: 'wsas',
  name: 'WSAS',
  title: 'Work and Social Adjustment Scale (placeholder wording)',
  stem: 'Placeholder instruction from the licensed form.',
  answerOptions: [0, 1, 2, 3, 4, 5, 6, 7, 8].map((value) => ({ value, label: `Placeholder ${value}` })),
  items: Array.from({ length: 5 }, (_, i) => ({ linkId: `w${i + 1}`, text: `Placeholder item ${i + 1}` })),
  missingItemRule: { maxMissing: 0, rounding: 'none' },
  bands: [
    { min: 0, max: 9, label: 'Subclinical' },
    { min: 10, max: 20, label: 'Significant impairment' },
    { min: 21, max: 40, label: 'Moderately severe or worse' },
  ],
  cutoff: { score: 20, comparison: 'above', label: 'Moderately severe' },
  licence: { copyright: 'Placeholder copyright line of the licensed form', terms: 'Licensed to this practice.' },
};
// Broken: no copyright line, and the second question's wording is a number.
const BROKEN = {
  ...WSAS_SHAPED,
  items: WSAS_SHAPED.items.map((item, i) => (i === 1 ? { ...item, text: 2 } : item)),
  licence: { terms: 'Licensed to this practice.' },
};

const sides: Watched[] = [];

const server = ownServerForFile({ demo: true });

test.afterAll(async () => {
  for (const side of sides) await side.context.close();
});

async function theme(p: Page, name: 'Dark' | 'Same as this device'): Promise<void> {
  await p.goto('/account');
  await p.getByRole('group', { name: 'Colours' }).getByRole('radio', { name }).check();
  if (name === 'Dark') await expect(p.locator('html')).toHaveAttribute('data-theme', 'dark');
}

test('the admin imports a WSAS-shaped definition: the broken one’s problems are listed, the fixed one is imported', async ({
  browser,
}) => {
  const side = await openPerson(browser, server.origin, PHONE);
  sides.push(side);
  const p = side.page;
  await signInWithPassword(p, morgan);
  await openFromMenu(p, 'Instruments');
  await expect(p.getByRole('heading', { level: 1, name: 'Instruments' })).toBeVisible();
  const catalogue = p.getByRole('list', { name: 'Catalogue' });
  await expect(catalogue.getByText(/^PHQ-9/)).toBeVisible();
  await expect(catalogue.getByText(/Copyright © Pfizer Inc/).first()).toBeVisible();
  await expectNoSidewaysScroll(p, 'the instruments page');
  await expectAccessible(p, 'the instruments page');

  const json = p.getByRole('textbox', { name: 'Definition (JSON)' });
  await json.fill('{ "id": "wsas", ');
  await p.getByRole('button', { name: 'Check and import' }).click();
  await expect(p.getByText(/^This is not valid JSON:/)).toBeVisible();

  await json.fill(JSON.stringify(BROKEN, null, 2));
  await p.getByRole('button', { name: 'Check and import' }).click();
  const problems = p.getByRole('alert').filter({ has: p.getByRole('heading', { name: /problems? to fix$/ }) });
  await expect(problems).toBeVisible();
  await expect(problems.getByRole('listitem').filter({ hasText: 'licence.copyright' })).toBeVisible();
  await expect(problems.getByRole('listitem').filter({ hasText: 'items[1].text' }).first()).toBeVisible();
  await expectAccessible(p, 'the import form with problems');
  await shot(p, 'measures-import-problems-phone');

  // The fixed definition, chosen as a file.
  await p.getByLabel('Or choose a .json file').setInputFiles({
    name: 'wsas.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(WSAS_SHAPED, null, 2)),
  });
  await expect(p.getByText('Read wsas.json. Check it below, then import it.')).toBeVisible();
  await expect(json).toHaveValue(/"copyright": "Placeholder copyright line of the licensed form"/);
  await p.getByRole('button', { name: 'Check and import' }).click();
  await expect(p.getByText('Imported WSAS (version 1). It is now in the catalogue.')).toBeVisible();
  await expect(problems).toHaveCount(0);
  await expect(catalogue.getByText('Placeholder copyright line of the licensed form')).toBeVisible();

  await p.getByRole('link', { name: 'View the questions of WSAS' }).click();
  await expect(
    p.getByRole('heading', { level: 1, name: 'WSAS: Work and Social Adjustment Scale (placeholder wording)' }),
  ).toBeVisible();
  await expect(p.getByText('Placeholder instruction from the licensed form.')).toBeVisible();
  const first = p.getByRole('group', { name: '1. Placeholder item 1' });
  await expect(first.getByRole('radio')).toHaveCount(11); // 0–8, declined, left blank
  await first.getByRole('radio', { name: 'Placeholder 8' }).check();
  await expect(p.getByText('Placeholder copyright line of the licensed form').first()).toBeVisible();
  await expectNoSidewaysScroll(p, 'the instrument view');
  await expectAccessible(p, 'the instrument view');
  await shot(p, 'measures-instrument-phone');

  await theme(p, 'Dark');
  await p.goto('/admin/instruments');
  await expect(p.getByRole('list', { name: 'Catalogue' })).toBeVisible();
  await expectAccessible(p, 'the instruments page (dark)');
  await p.goto('/admin/instruments/wsas');
  await expect(p.getByRole('group', { name: '1. Placeholder item 1' })).toBeVisible();
  await expectAccessible(p, 'the instrument view (dark)');
  await theme(p, 'Same as this device');
  expectNoPageProblems(side);
});

test('Ruth enters a PHQ-9 from paper with a blank question and item 9 answered, sees it flagged, and downloads the FHIR bundle', async ({
  browser,
}) => {
  const side = await openPerson(browser, server.origin, PHONE);
  sides.push(side);
  const p = side.page;
  await signInWithPassword(p, ruth);
  await openFromMenu(p, 'My clients');
  await p.getByRole('main').getByRole('link', { name: PRIYA, exact: true }).click();
  await expect(p.getByRole('heading', { level: 1, name: PRIYA })).toBeVisible();
  await p.getByRole('link', { name: 'Measures' }).click();

  await expect(p.getByRole('heading', { level: 1, name: `Measures: ${PRIYA}` })).toBeVisible();
  const table = p.getByRole('table', { name: 'Results', exact: true });
  // The demo's results: a PHQ-9 and a GAD-7 about every month.
  await expect(table.getByRole('row').filter({ hasText: 'PHQ-9' })).toHaveCount(4);
  await expect(table.getByRole('row').filter({ hasText: 'GAD-7' })).toHaveCount(4);
  await expect(table.getByRole('cell', { name: '18 of 27' })).toBeVisible();
  await expect(p.getByText(/^PHQ-9: Copyright © Pfizer Inc/)).toBeVisible();
  await expectNoSidewaysScroll(p, 'the measures page');
  await expectAccessible(p, 'the measures page');

  await p.getByRole('link', { name: 'Enter answers from paper' }).click();
  await expect(p.getByRole('heading', { level: 1, name: `Enter answers from paper: ${PRIYA}` })).toBeVisible();
  await expect(p.getByLabel('Questionnaire', { exact: true })).toHaveValue('phq-9');
  await expect(
    p.getByText('Over the last 2 weeks, how often have you been bothered by any of the following problems?'),
  ).toBeVisible();
  await expect(p.getByText(/^Copyright © Pfizer Inc/)).toBeVisible();
  // Items 1–9 as on the paper form: 3 left blank, 9 "Several days".
  const answers: [number, string][] = [
    [1, 'More than half the days'],
    [2, 'More than half the days'],
    [4, 'More than half the days'],
    [5, 'Several days'],
    [6, 'Several days'],
    [7, 'More than half the days'],
    [8, 'Not at all'],
    [9, 'Several days'],
  ];
  for (const [n, answer] of answers) {
    await p
      .getByRole('group', { name: new RegExp(`^${n}\\. `) })
      .getByRole('radio', { name: answer, exact: true })
      .check();
  }
  await expect(
    p.getByRole('group', { name: /^3\. / }).getByRole('radio', { name: 'Left blank', exact: true }),
  ).toBeChecked();
  await expectNoSidewaysScroll(p, 'the entry form');
  await expectAccessible(p, 'the entry form');
  await shot(p, 'measures-enter-phone');
  await p.getByRole('button', { name: 'Save and score' }).click();

  await expect(p.getByRole('heading', { level: 1, name: `Measures: ${PRIYA}` })).toBeVisible();
  const attention = p.getByRole('region', { name: 'Needs your attention' });
  await expect(
    attention.getByText(
      'Item 9 (thoughts of being better off dead or of self-harm) was answered ‘Several days’ — review risk.',
    ),
  ).toBeVisible();
  // 11 from the 8 answered, prorated to 9 questions: 12.4 → 12.
  const row = table.getByRole('row').filter({ hasText: 'Prorated (1 blank or declined: 3)' });
  await expect(row).toHaveCount(1);
  await expect(row.getByRole('cell', { name: '12 of 27' })).toBeVisible();
  await expect(row.getByText('Review risk')).toBeVisible();
  await expect(row.getByRole('cell', { name: /Moderate$/ })).toBeVisible();
  await expectAccessible(p, 'the measures page with a flag');
  await shot(p, 'measures-results-phone');

  const [download] = await Promise.all([
    p.waitForEvent('download'),
    p.getByRole('link', { name: 'Download as FHIR (JSON)' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.fhir\.json$/);
  const bundle = JSON.parse(fs.readFileSync((await download.path()) ?? '', 'utf8'));
  expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'collection' });
  const resources = bundle.entry.map((e: { resource: { resourceType: string } }) => e.resource);
  expect(resources.filter((r: { resourceType: string }) => r.resourceType === 'QuestionnaireResponse')).toHaveLength(9);
  expect(resources).toContainEqual(
    expect.objectContaining({
      resourceType: 'Observation',
      code: { coding: [{ system: 'http://loinc.org', code: '44261-6' }], text: 'PHQ-9 total score' },
      valueInteger: 12,
    }),
  );

  const measuresPath = new URL(p.url()).pathname;
  await theme(p, 'Dark');
  await p.goto(measuresPath);
  await expect(p.getByRole('table', { name: 'Results', exact: true })).toBeVisible();
  await expectAccessible(p, 'the measures page (dark)');
  await p.getByRole('link', { name: 'Enter answers from paper' }).click();
  await expect(p.getByRole('group', { name: /^9\. / })).toBeVisible();
  await expectAccessible(p, 'the entry form (dark)');
  await theme(p, 'Same as this device');
  expectNoPageProblems(side);
});

test('Ruth sets Daniel’s measure schedule: before every session, every 4 sessions and a follow-up, kept after a reload', async ({
  browser,
}) => {
  const side = await openPerson(browser, server.origin, PHONE);
  sides.push(side);
  const p = side.page;
  await signInWithPassword(p, ruth);
  await openFromMenu(p, 'My clients');
  await p.getByRole('main').getByRole('link', { name: 'Daniel Okoro', exact: true }).click();
  await expect(p.getByRole('heading', { level: 1, name: 'Daniel Okoro' })).toBeVisible();
  await p.getByRole('link', { name: 'Measures' }).click();
  await expect(p.getByRole('heading', { level: 1, name: 'Measures: Daniel Okoro' })).toBeVisible();

  const schedule = p.getByRole('region', { name: 'Schedule for this episode' });
  await expect(schedule.getByText('Nothing scheduled.')).toBeVisible();
  const add = async (instrument: string, when: string, count?: string) => {
    await schedule.getByLabel('Questionnaire').selectOption(instrument);
    await schedule.getByLabel('When').selectOption({ label: when });
    if (count !== undefined) {
      const field = schedule.getByLabel(/^(Every how many sessions|Months after ending)$/);
      await field.fill(count);
    }
    await schedule.getByRole('button', { name: 'Add to schedule' }).click();
    await expect(schedule.getByText('Added to the schedule.')).toBeVisible();
  };
  await add('gad-7', 'Before every session');
  await expect(schedule.getByRole('listitem').filter({ hasText: 'GAD-7, before every session' })).toBeVisible();
  await add('phq-9', 'Every few sessions', '4');
  await expect(
    schedule.getByRole('listitem').filter({ hasText: 'PHQ-9, before the first session, then every 4 sessions' }),
  ).toBeVisible();
  await add('phq-9', 'At follow-up after ending', '3');
  await expect(schedule.getByRole('listitem').filter({ hasText: 'PHQ-9, 3 months after ending' })).toBeVisible();
  await expectNoSidewaysScroll(p, 'the schedule editor');
  await expectAccessible(p, 'the schedule editor');
  await shot(p, 'measures-schedule-phone');

  // Saved on the server: a reload shows the same three, and one can be stopped.
  await p.reload();
  const saved = p.getByRole('region', { name: 'Schedule for this episode' });
  await expect(saved.getByRole('listitem')).toHaveCount(3);
  await expect(saved.getByRole('listitem').filter({ hasText: 'GAD-7, before every session' })).toBeVisible();
  await expect(
    saved.getByRole('listitem').filter({ hasText: 'PHQ-9, before the first session, then every 4 sessions' }),
  ).toBeVisible();
  await expect(saved.getByRole('listitem').filter({ hasText: 'PHQ-9, 3 months after ending' })).toBeVisible();
  await saved.getByRole('button', { name: 'Stop GAD-7 before every session' }).click();
  await expect(saved.getByText('Schedule stopped.')).toBeVisible();
  await expect(saved.getByRole('listitem')).toHaveCount(2);
  await p.reload();
  await expect(p.getByRole('region', { name: 'Schedule for this episode' }).getByRole('listitem')).toHaveCount(2);
  const path = new URL(p.url()).pathname;
  await theme(p, 'Dark');
  await p.goto(path);
  await expect(p.getByRole('region', { name: 'Schedule for this episode' }).getByRole('listitem')).toHaveCount(2);
  await expectAccessible(p, 'the schedule editor (dark)');
  await theme(p, 'Same as this device');
  expectNoPageProblems(side);
});
