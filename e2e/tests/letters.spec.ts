import fs from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { expectAccessible } from '../support/accessibility';
import { expectNoPageProblems, openPerson, type Watched } from '../support/browser';
import { shot, signInWithPassword, type Person } from '../support/flows';
import { ownServerForFile } from '../support/own-server';
import { openFromMenu } from '../support/menu';
import { expectNoSidewaysScroll } from '../support/layout';

/**
 * Letters end to end, at phone size, against the real server and PostgreSQL (the demo practice):
 * Dr Ruth Mensah opens Priya's letters (the demo's filed letter to her GP is there), writes a new
 * letter to the GP from the "starting therapy" template, adds a sentence, saves the draft, downloads
 * the DRAFT preview, files the letter after the confirmation, downloads the filed PDF (read back with
 * pdf.js: letterhead, recipient, her sentence, her name) and sees it filed in the list. Then the
 * practice admin changes the letterhead and looks at the templates. Every page is checked with axe,
 * in the light and dark theme.
 */
test.describe.configure({ mode: 'serial' });

const PHONE = { width: 390, height: 844 };
const PASSWORD = 'northside demo morning light';
const ruth: Person = { name: 'Dr Ruth Mensah', email: 'ruth.mensah@northside-demo.example', password: PASSWORD };
const morgan: Person = { name: 'Morgan Ellis', email: 'morgan.ellis@northside-demo.example', password: PASSWORD };
const PRIYA = 'Priya Nair';

const run = Date.now().toString(36);
const GP = `Dr Leah Stone ${run}`;
const SENTENCE = `Priya has asked me to add that she would welcome a review of her medication (${run}).`;
const PHONE_NUMBER = `020 7946 ${String(Date.now() % 10_000).padStart(4, '0')}`;

let side: Watched | undefined;
let admin: Watched | undefined;
let lettersPath = '';

const server = ownServerForFile({ demo: true });

test.afterAll(async () => {
  await side?.context.close();
  await admin?.context.close();
});

function page(): Page {
  if (!side) throw new Error('Ruth has not signed in');
  return side.page;
}

/** Clicks a download link and reads the PDF it gives as a PDF reader does: its file name and text. */
async function downloadPdf(p: Page, name: string | RegExp): Promise<{ file: string; text: string }> {
  const [download] = await Promise.all([p.waitForEvent('download'), p.getByRole('link', { name }).click()]);
  const bytes = await fs.readFile(await download.path());
  expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
  const document = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false })
    .promise;
  let text = '';
  for (let n = 1; n <= document.numPages; n++) {
    const content = await (await document.getPage(n)).getTextContent();
    for (const item of content.items) if ('str' in item) text += item.str + (item.hasEOL ? '\n' : ' ');
  }
  await document.destroy();
  return { file: download.suggestedFilename(), text: text.replace(/\s+/g, ' ') };
}

async function setTheme(p: Page, theme: 'Dark' | 'Same as this device'): Promise<void> {
  await p.goto('/account');
  await p.getByRole('group', { name: 'Colours' }).getByRole('radio', { name: theme }).check();
}

test('Ruth opens Priya’s letters from her page and finds the demo letter to her GP', async ({ browser }) => {
  side = await openPerson(browser, server.origin, PHONE);
  const p = side.page;
  await signInWithPassword(p, ruth);
  await openFromMenu(p, 'My clients');
  await p.getByRole('main').getByRole('link', { name: PRIYA, exact: true }).click();
  await expect(p.getByRole('heading', { level: 1, name: PRIYA })).toBeVisible();
  await p.getByRole('link', { name: 'Letters', exact: true }).click();

  await expect(p.getByRole('heading', { level: 1, name: `Letters: ${PRIYA}` })).toBeVisible();
  lettersPath = new URL(p.url()).pathname;
  const letters = p.getByRole('list', { name: 'Letters' });
  await expect(letters.getByRole('link', { name: 'To Dr Sarah Okafor', exact: true })).toBeVisible();
  await expect(letters.getByText('Filed', { exact: true })).toHaveCount(1);
  await expectNoSidewaysScroll(p, 'the letters list');
  await expectAccessible(p, 'letters');
  await shot(p, 'letters-list-phone');
  expectNoPageProblems(side);
});

test('Ruth writes a letter to the GP from a template, saves it and previews the draft', async () => {
  const p = page();
  const write = p.getByRole('region', { name: 'Write a letter' });
  await write.getByLabel('Template').selectOption({ label: 'To the GP: starting therapy' });
  // Starting without saying who it is to is refused beside the field.
  await write.getByRole('button', { name: 'Start the letter' }).click();
  await expect(write.getByText('Say who the letter is to.')).toBeVisible();
  await write.getByRole('textbox', { name: 'To' }).fill(GP);
  await write
    .getByRole('textbox', { name: /^Their address/ })
    .fill('Canal Street Surgery\n1 Canal Street\nLondon N1 2BB');
  await write.getByRole('button', { name: 'Start the letter' }).click();

  await expect(p.getByRole('heading', { level: 1, name: `Letter to ${GP}` })).toBeVisible();
  const body = p.getByRole('textbox', { name: 'Letter' });
  await expect(body).toHaveValue(
    new RegExp(
      `^Dear ${GP},\\n\\nI am writing to let you know that your patient, ${PRIYA}, began psychotherapy with me at Northside Psychotherapy on \\d{1,2} \\w+ \\d{4}\\.`,
    ),
  );
  await expect(p.getByRole('textbox', { name: 'Subject' })).toHaveValue(`Re: ${PRIYA}`);
  const text = await body.inputValue();
  await body.fill(text.replace('\n\nYours sincerely,', `\n\n${SENTENCE}\n\nYours sincerely,`));
  await expect(p.getByText('You have changes that are not saved yet.')).toBeVisible();
  // Leaving with unsaved changes asks first.
  await p.getByRole('link', { name: 'All letters' }).click();
  const leave = p.getByRole('alertdialog', { name: 'Leave without saving?' });
  await expect(leave).toBeVisible();
  await expectAccessible(p, 'the leave dialog');
  await leave.getByRole('button', { name: 'Stay and save' }).click();
  await expect(body).toHaveValue(new RegExp(SENTENCE.replace(/[()]/g, '\\$&')));
  await p.getByRole('button', { name: 'Save draft' }).click();
  await expect(p.getByText('Draft saved.')).toBeVisible();
  await expectNoSidewaysScroll(p, 'the letter editor');
  await expectAccessible(p, 'the letter editor');
  await shot(p, 'letters-draft-phone');

  const draft = await downloadPdf(p, 'Preview as PDF');
  expect(draft.file).toMatch(/^letter-draft-\d{4}-\d{2}-\d{2}-[0-9a-f]{8}\.pdf$/);
  expect(draft.text).toContain('DRAFT — not filed in the record');
  expect(draft.text).toContain(SENTENCE);
  expectNoPageProblems(side as Watched);
});

test('Ruth files the letter after the confirmation, downloads it and sees it filed in the list', async () => {
  const p = page();
  // A change made after the last save is saved as the letter is filed.
  await p.getByRole('textbox', { name: 'Subject' }).fill(`Re: ${PRIYA}, starting psychotherapy`);
  await p.getByRole('button', { name: 'File in the record…' }).click();
  const dialog = p.getByRole('alertdialog', { name: 'File this letter in the record?' });
  await expect(dialog.getByText(/cannot be changed or deleted/)).toBeVisible();
  await expect(dialog.getByText(/latest changes are saved first/)).toBeVisible();
  await expectAccessible(p, 'the filing dialog');
  await dialog.getByRole('button', { name: 'File the letter' }).click();

  await expect(p.getByText(/^Filed in the record on .*A filed letter cannot be changed\.$/)).toBeVisible();
  await expect(p.getByText('The letter is filed in the record.')).toBeVisible();
  await expect(p.getByRole('textbox', { name: 'Letter' })).toHaveCount(0);
  await expect(p.getByText(SENTENCE)).toBeVisible();
  await expectAccessible(p, 'the filed letter');
  await shot(p, 'letters-filed-phone');

  const filed = await downloadPdf(p, 'Download PDF');
  expect(filed.file).toMatch(/^letter-\d{4}-\d{2}-\d{2}-[0-9a-f]{8}\.pdf$/);
  expect(filed.file).not.toContain('Priya');
  for (const expected of [
    'Northside Psychotherapy',
    '14 Northside Mews',
    GP,
    'Canal Street Surgery',
    `Re: ${PRIYA}, starting psychotherapy`,
    SENTENCE,
    'Yours sincerely,',
    'Dr Ruth Mensah',
    'Registered with the ICO (demo)',
  ]) {
    expect(filed.text).toContain(expected);
  }
  expect(filed.text).not.toContain('DRAFT');

  await p.getByRole('link', { name: 'All letters' }).click();
  const letters = p.getByRole('list', { name: 'Letters' });
  const mine = letters.getByRole('listitem').filter({ hasText: GP });
  await expect(mine.getByText('Filed', { exact: true })).toBeVisible();
  await expect(mine.getByRole('link', { name: `Download the letter to ${GP} as a PDF` })).toBeVisible();
  await expect(letters.getByText('Filed', { exact: true })).toHaveCount(2);

  await setTheme(p, 'Dark');
  await expect(p.locator('html')).toHaveAttribute('data-theme', 'dark');
  await p.goto(lettersPath);
  await expect(p.getByRole('list', { name: 'Letters' })).toBeVisible();
  await expectAccessible(p, 'letters (dark)');
  await shot(p, 'letters-list-phone-dark');
  await p
    .getByRole('list', { name: 'Letters' })
    .getByRole('link', { name: `To ${GP}`, exact: true })
    .click();
  await expect(p.getByText(SENTENCE)).toBeVisible();
  await expectAccessible(p, 'the filed letter (dark)');
  await setTheme(p, 'Same as this device');
  expectNoPageProblems(side as Watched);
});

test('The practice admin changes the letterhead and looks at the templates', async ({ browser }) => {
  admin = await openPerson(browser, server.origin, PHONE);
  const p = admin.page;
  await signInWithPassword(p, morgan);
  await openFromMenu(p, 'Letterhead');
  await expect(p.getByRole('heading', { level: 1, name: 'Letterhead' })).toBeVisible();
  await expect(p.getByRole('textbox', { name: 'Practice name' })).toHaveValue('Northside Psychotherapy');
  await expectAccessible(p, 'the letterhead');
  await p.getByRole('textbox', { name: /^Telephone/ }).fill(PHONE_NUMBER);
  await p.getByRole('textbox', { name: /^Address line 3/ }).fill('Second floor');
  await p.getByRole('button', { name: 'Save letterhead' }).click();
  await expect(p.getByText(/^Letterhead saved\./)).toBeVisible();
  await expect(
    p.getByRole('region', { name: 'How it will look' }).getByText(new RegExp(`^${PHONE_NUMBER} · `)),
  ).toBeVisible();
  await expectNoSidewaysScroll(p, 'the letterhead');
  await expectAccessible(p, 'the letterhead (saved)');
  await shot(p, 'letters-letterhead-phone');
  await p.reload();
  await expect(p.getByRole('textbox', { name: /^Telephone/ })).toHaveValue(PHONE_NUMBER);

  await openFromMenu(p, 'Letter templates');
  await expect(p.getByRole('heading', { level: 1, name: 'Letter templates' })).toBeVisible();
  await expect(p.getByRole('list', { name: 'Templates' }).getByRole('listitem')).toHaveCount(3);
  await expect(p.getByText('{{episode.startDate}}')).toBeVisible();
  // An unknown placeholder is refused, by name.
  await p.getByRole('textbox', { name: 'Name' }).fill(`To the school ${run}`);
  await p.getByRole('textbox', { name: 'Body' }).fill('Dear {{recipient.name}}, {{diagnosis}}');
  await p.getByRole('button', { name: 'Save template' }).click();
  await expect(p.getByText('“{{diagnosis}}” is not a placeholder we know.', { exact: false }).first()).toBeVisible();
  await expectNoSidewaysScroll(p, 'the templates');
  await expectAccessible(p, 'the templates');
  await setTheme(p, 'Dark');
  await p.goto('/admin/letter-templates');
  await expect(p.getByRole('list', { name: 'Templates' })).toBeVisible();
  await expectAccessible(p, 'the templates (dark)');
  await p.goto('/admin/letterhead');
  await expect(p.getByRole('textbox', { name: 'Practice name' })).toBeVisible();
  await expectAccessible(p, 'the letterhead (dark)');
  await setTheme(p, 'Same as this device');
  expectNoPageProblems(admin);
});
