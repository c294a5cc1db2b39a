import { expect, test, type Page, type Request } from '@playwright/test';
import { expectAccessible } from '../support/accessibility';
import { expectNoPageProblems, openPerson, type Watched } from '../support/browser';
import { shot, signInWithPassword, type Person } from '../support/flows';
import { ownServerForFile } from '../support/own-server';
import { openPublicPage, reloadPublicPage } from '../support/public-page';

/**
 * The practice's public side end to end, against the real server and PostgreSQL (the demo practice,
 * the only practice of its instance): a visitor starts at "/", reads the pages, takes "Is this right
 * for me?" twice (one way to "psychodynamic therapy may suit you", one to "urgent help first", which
 * shows crisis lines at once) with no request carrying an answer, browses the therapists and opens a
 * profile; the admin edits a page and the visitor sees it; Nia Jones edits her profile and uploads a
 * photo, which stays unpublished until the admin publishes it. And the security journey: page text
 * never becomes HTML or script, and what is unpublished is not served. axe on every page, light and dark.
 *
 * This file starts its own server with the demo practice seeded (e2e/start-server.mjs, UC_E2E_DEMO).
 */
test.describe.configure({ mode: 'serial' });

const SLUG = 'northside-demo';
const admin: Person = {
  name: 'Morgan Ellis',
  email: 'morgan.ellis@northside-demo.example',
  password: 'northside demo morning light',
};
const nia: Person = {
  name: 'Nia Jones',
  email: 'nia.jones@northside-demo.example',
  password: 'northside demo morning light',
};
const run = Date.now().toString(36);
const FEES_LINE = `From January ${run}, the first consultation is free.`;
const NEW_APPROACH = `I work online in English or Welsh, in the evenings (${run}).`;
const PHOTO_ALT = 'Nia Jones smiling, by a window';
/** The smallest valid PNG (1 × 1). */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

let visitor: Watched | undefined;
let adminSide: Watched | undefined;

const server = ownServerForFile({ demo: true });

test.afterAll(async () => {
  await visitor?.context.close();
  await adminSide?.context.close();
});

function v(): Page {
  if (!visitor) throw new Error('no visitor yet');
  return visitor.page;
}

function a(): Page {
  if (!adminSide) throw new Error('the admin has not signed in');
  return adminSide.page;
}

/** axe in the light theme, then in the dark one (the visitor's device setting), then back. */
async function expectAccessibleBothThemes(p: Page, what: string): Promise<void> {
  await expectAccessible(p, what);
  await p.emulateMedia({ colorScheme: 'dark' });
  await expectAccessible(p, `${what} (dark)`);
  await p.emulateMedia({ colorScheme: 'light' });
}

async function expectCrisisLink(p: Page): Promise<void> {
  await expect(p.getByRole('main').getByRole('link', { name: 'Need help now?' })).toHaveAttribute('href', '/help');
}

test('a visitor starts at the practice’s home and reads its pages, with crisis help and contact details on each', async ({
  browser,
}) => {
  visitor = await openPerson(browser, server.origin);
  const p = v();
  await openPublicPage(p, '/');
  await expect(p.getByRole('heading', { level: 1, name: 'Northside Psychotherapy' })).toBeVisible();
  await expect(p.getByRole('heading', { level: 2, name: 'Get in touch' })).toBeVisible();
  await expect(p.getByRole('link', { name: 'hello@northside-demo.example' })).toHaveAttribute(
    'href',
    'mailto:hello@northside-demo.example',
  );
  await expectCrisisLink(p);
  await expectAccessibleBothThemes(p, 'public home at /');
  await shot(p, 'public-home');

  const nav = p.getByRole('navigation', { name: 'The practice' });
  await nav.getByRole('link', { name: 'What psychodynamic therapy is' }).click();
  await expect(p).toHaveURL(new RegExp(`/p/${SLUG}/therapy$`));
  await expect(p.getByRole('heading', { level: 1, name: 'What psychodynamic therapy is' })).toBeVisible();
  for (const heading of [
    'The past in the present',
    'How long and how often',
    'How it differs from CBT',
    'Confidentiality and its limits',
  ]) {
    await expect(p.getByRole('heading', { level: 2, name: heading })).toBeVisible();
  }
  await expect(p.getByText('You will never be made to talk about anything before you are ready.')).toBeVisible();
  await expectCrisisLink(p);
  await expectAccessibleBothThemes(p, 'what psychodynamic therapy is');
  await shot(p, 'public-therapy');

  for (const [link, heading] of [
    ['The practice and how to find us', 'Getting here'],
    ['Fees', 'Lower-cost places'],
    ['Accessibility', 'This website'],
    ['Privacy notice', 'Your rights'],
  ] as const) {
    await nav.getByRole('link', { name: link }).click();
    await expect(p.getByRole('heading', { level: 1, name: link })).toBeVisible();
    await expect(p.getByRole('heading', { level: 2, name: heading })).toBeVisible();
    await expectCrisisLink(p);
    await expectAccessibleBothThemes(p, link);
  }
  await expect(p.getByText(/subject access request/)).toBeVisible();
  await p.getByRole('main').getByRole('link', { name: 'Need help now?' }).click();
  await expect(p.getByRole('heading', { level: 1, name: 'Need help now?' })).toBeVisible();
});

test('“Is this right for me?” is worked out in the browser: no request carries an answer', async () => {
  const p = v();
  const sent: Request[] = [];
  const watch = (request: Request) => sent.push(request);
  p.on('request', watch);
  await openPublicPage(p, `/p/${SLUG}/is-this-right-for-me`);
  await expect(p.getByRole('heading', { level: 1, name: 'Is this right for me?' })).toBeVisible();
  await expectAccessibleBothThemes(p, 'the reflection');

  // Asking for a result before answering marks what is missing.
  await p.getByRole('button', { name: 'See what might suit me' }).click();
  await expect(p.getByRole('alert')).toContainText('Please answer every question');

  const answer = async (question: RegExp, option: string) =>
    p.getByRole('group', { name: question }).getByRole('radio', { name: option, exact: true }).check();
  await answer(/in danger/, 'No');
  await answer(/How curious are you/, 'Very curious');
  await answer(/same patterns keep coming back/, 'Often');
  await answer(/most like from therapy/, 'To understand myself more deeply');
  await answer(/How long could you give/, 'As long as it takes, a year or more');
  await answer(/How often could you come/, 'Once a week');
  await p.getByRole('button', { name: 'See what might suit me' }).click();
  const result = p.getByRole('heading', { level: 2, name: /What might suit you: Psychodynamic therapy may suit you/ });
  await expect(result).toBeVisible();
  await expect(result).toBeFocused();
  await expect(p.getByText('You notice patterns repeating in your relationships.')).toBeVisible();
  await expect(p.getByRole('link', { name: 'Read about our therapists' })).toBeVisible();
  await expectAccessibleBothThemes(p, 'the reflection: psychodynamic may suit');
  await shot(p, 'public-reflection-suits');

  // An answer about current risk shows crisis lines at once, before any other question or the button.
  await p.getByRole('button', { name: 'Start again' }).click();
  await answer(/in danger/, 'Yes');
  await expect(p.getByRole('heading', { level: 2, name: 'Please get help now' })).toBeVisible();
  await expect(p.getByRole('link', { name: 'Call Samaritans' }).first()).toHaveAttribute('href', 'tel:116123');
  await expect(p.getByRole('link', { name: 'Call Emergency services' }).first()).toHaveAttribute('href', 'tel:999');
  await expectAccessibleBothThemes(p, 'the reflection: urgent help shown at once');
  await answer(/How curious are you/, 'Somewhat');
  await answer(/same patterns keep coming back/, 'Sometimes');
  await answer(/most like from therapy/, 'I’m not sure yet');
  await answer(/How long could you give/, 'A few months');
  await answer(/How often could you come/, 'Once a week');
  await p.getByRole('button', { name: 'See what might suit me' }).click();
  await expect(p.getByRole('heading', { level: 2, name: /What might suit you: Urgent help first/ })).toBeVisible();
  await shot(p, 'public-reflection-urgent');

  p.off('request', watch);
  const carrying = sent.filter(
    (r) =>
      r.method() !== 'GET' ||
      /safety|curiosity|patterns|wish|frequency|understand|open_ended/.test(r.url()) ||
      (r.postData() ?? '') !== '',
  );
  expect(carrying.map((r) => `${r.method()} ${r.url()}`)).toEqual([]);
});

test('a visitor browses the therapists and opens a profile', async () => {
  const p = v();
  await openPublicPage(p, `/p/${SLUG}`);
  await p.getByRole('navigation', { name: 'The practice' }).getByRole('link', { name: 'Our therapists' }).click();
  await expect(p.getByRole('heading', { level: 1, name: 'Our therapists' })).toBeVisible();
  const list = p.getByRole('list', { name: 'Therapists' });
  await expect(list.getByRole('heading', { level: 2 })).toHaveText(['Dr Ruth Mensah', 'Nia Jones', 'Tom Adeyemi']);
  await expectAccessibleBothThemes(p, 'the directory');
  await shot(p, 'public-directory');
  await list.getByRole('link', { name: 'Nia Jones' }).click();
  await expect(p.getByRole('heading', { level: 1, name: 'Nia Jones' })).toBeVisible();
  await expect(p.getByText('Usually has space on Tuesday and Thursday evenings.')).toBeVisible();
  await expect(p.getByText('BACP, number BACP 00381265')).toBeVisible();
  await expect(p.getByText('£55 a session')).toBeVisible();
  await expectAccessibleBothThemes(p, 'a profile');
  await shot(p, 'public-profile');
});

test('the admin edits a page, and the visitor sees it', async ({ browser }) => {
  adminSide = await openPerson(browser, server.origin);
  const p = a();
  await signInWithPassword(p, admin);
  await p.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Public website' }).click();
  await expect(p.getByRole('heading', { level: 1, name: 'Public website' })).toBeVisible();
  await expectAccessibleBothThemes(p, 'the admin’s public website page');
  await p.getByRole('link', { name: 'Edit “Fees”' }).click();
  await expect(p.getByRole('heading', { level: 1, name: 'Edit page: Fees' })).toBeVisible();
  const body = p.getByRole('textbox', { name: 'Text' });
  await body.fill(`${await body.inputValue()}\n\n${FEES_LINE}`);
  await expect(p.getByRole('region', { name: 'Preview' }).getByText(FEES_LINE)).toBeVisible();
  await expectAccessibleBothThemes(p, 'the page editor');
  await p.getByRole('button', { name: 'Save page' }).click();
  await expect(p.getByText('Page saved.')).toBeVisible();
  await shot(p, 'admin-page-editor');

  const visitorPage = v();
  await openPublicPage(visitorPage, `/p/${SLUG}/fees`);
  await expect(visitorPage.getByText(FEES_LINE)).toBeVisible();
});

test('Nia edits her profile and adds a photo; it goes public when the admin publishes it', async ({ browser }) => {
  const niaSide = await openPerson(browser, server.origin);
  const p = niaSide.page;
  await signInWithPassword(p, nia);
  await p.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My public profile' }).click();
  await expect(p.getByRole('heading', { level: 1, name: 'My public profile' })).toBeVisible();
  await expect(p.getByText('Your profile is published as it is here.')).toBeVisible();
  await expectAccessibleBothThemes(p, 'my public profile');
  await p.getByRole('textbox', { name: /^How I work/ }).fill(NEW_APPROACH);
  // Her gender is hers to give, in her own words if she likes (matching uses it when someone asks).
  const gender = p.getByRole('group', { name: 'Your gender (optional)' });
  await expect(gender.getByRole('radio', { name: 'Woman' })).toBeChecked();
  await gender.getByRole('radio', { name: 'In my own words' }).check();
  await gender.getByRole('textbox', { name: 'How you describe your gender' }).fill('Cis woman');
  await p.getByRole('button', { name: 'Save my profile' }).click();
  await expect(p.getByText('Profile saved.')).toBeVisible();
  await expect(p.getByText(/changes you saved are waiting for the administrator/)).toBeVisible();

  await p.getByLabel(/^Choose a photo/).setInputFiles({ name: 'me.txt', mimeType: 'text/plain', buffer: PNG });
  await p.getByRole('textbox', { name: /^Describe the photo/ }).fill(PHOTO_ALT);
  await p.getByRole('button', { name: 'Upload photo' }).click();
  await expect(p.getByRole('img', { name: PHOTO_ALT })).toBeVisible();
  await expectAccessibleBothThemes(p, 'my public profile with a photo');
  await shot(p, 'therapist-profile');
  expectNoPageProblems(niaSide);
  await niaSide.context.close();

  // Until the admin publishes, the public profile is the one published before.
  const visitorPage = v();
  await openPublicPage(visitorPage, `/p/${SLUG}/therapists`);
  await visitorPage.getByRole('link', { name: 'Nia Jones' }).click();
  await expect(visitorPage.getByRole('heading', { level: 1, name: 'Nia Jones' })).toBeVisible();
  await expect(visitorPage.getByText(NEW_APPROACH)).toHaveCount(0);
  await expect(visitorPage.getByRole('img', { name: PHOTO_ALT })).toHaveCount(0);
  await expect(visitorPage.getByRole('definition').filter({ hasText: /^Woman$/ })).toBeVisible();

  const ap = a();
  await ap.goto('/admin/public-site');
  const profiles = ap.getByRole('list', { name: 'Therapists’ profiles' });
  await expect(profiles.getByText('Published; changes waiting')).toBeVisible();
  await profiles.getByText('Read Nia Jones’s draft').click();
  await expect(profiles.getByText(NEW_APPROACH)).toBeVisible();
  await expectAccessibleBothThemes(ap, 'publishing profiles');
  await ap.getByRole('button', { name: 'Publish Nia Jones’s changes' }).click();
  await expect(ap.getByText('Nia Jones’s profile is published.')).toBeVisible();

  await reloadPublicPage(visitorPage);
  await expect(visitorPage.getByText(NEW_APPROACH)).toBeVisible();
  await expect(visitorPage.getByRole('definition').filter({ hasText: /^Cis woman$/ })).toBeVisible();
  const photo = visitorPage.getByRole('img', { name: PHOTO_ALT });
  await expect(photo).toBeVisible();
  const src = await photo.getAttribute('src');
  expect(src).toMatch(new RegExp(`^/media/${SLUG}/photos/[0-9a-f-]{36}$`));
  const served = await visitorPage.request.get(src ?? '');
  expect(served.headers()['content-type']).toBe('image/png');
  expect(served.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
  await expectAccessibleBothThemes(visitorPage, 'a profile with its photo');
});

test('security: page text never renders raw HTML or script, and unpublished pages and profiles are not served', async () => {
  const ap = a();
  // The editor starts from the page as loaded: its text box is never in the page empty first, to be
  // filled when the page's text arrives (typing in that moment was lost). Seen as the box is added.
  await ap.addInitScript(() => {
    const seen = new WeakSet<Node>();
    const first: string[] = [];
    (window as unknown as { __firstPageBodies: string[] }).__firstPageBodies = first;
    new MutationObserver(() => {
      const box = document.getElementById('page-body');
      if (box instanceof HTMLTextAreaElement && !seen.has(box)) {
        seen.add(box);
        first.push(box.value);
      }
    }).observe(document, { childList: true, subtree: true });
  });
  await ap.goto('/admin/public-site/pages/home');
  const body = ap.getByRole('textbox', { name: 'Text' });
  await expect(body).not.toHaveValue('');
  const firstBodies = await ap.evaluate(() => (window as unknown as { __firstPageBodies: string[] }).__firstPageBodies);
  expect(firstBodies, 'the text box as it first appeared').toEqual([await body.inputValue()]);
  const attack =
    '<script>window.__pwned = 1</script>\n\n<img src=x onerror="window.__pwned = 2"> **kept bold**\n\n[a trap](javascript:window.__pwned=3)';
  await body.fill(attack);
  await ap.getByRole('button', { name: 'Save page' }).click();
  await expect(ap.getByRole('alert')).toContainText('A link must start with https://');
  const safe = attack.replace(
    '[a trap](javascript:window.__pwned=3)',
    '<a href="javascript:window.__pwned=3">a trap</a>',
  );
  await body.fill(safe);
  await ap.getByRole('button', { name: 'Save page' }).click();
  await expect(ap.getByText('Page saved.')).toBeVisible();

  const p = v();
  await openPublicPage(p, `/p/${SLUG}`);
  const text = p.locator('.page-text');
  await expect(text).toContainText('<script>window.__pwned = 1</script>');
  await expect(text).toContainText('<img src=x onerror="window.__pwned = 2">');
  await expect(text.locator('strong')).toHaveText('kept bold');
  await expect(text.locator('script, img, a[href^="javascript"]')).toHaveCount(0);
  await text.getByText('a trap', { exact: false }).click();
  expect(await p.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();

  // Unpublishing the fees page takes it away from the public at once, in the app and in the API.
  await ap.goto('/admin/public-site/pages/fees');
  await ap.getByRole('checkbox', { name: /^Published/ }).uncheck();
  await ap.getByRole('button', { name: 'Save page' }).click();
  await expect(ap.getByText('Page saved.')).toBeVisible();
  await openPublicPage(p, `/p/${SLUG}/fees`);
  await expect(p.getByRole('heading', { level: 1, name: 'Page not available' })).toBeVisible();
  await expect(p.getByRole('navigation', { name: 'The practice' }).getByRole('link', { name: 'Fees' })).toHaveCount(0);
  expect((await p.request.get(`/api/public/practices/${SLUG}/pages/fees`)).status()).toBe(404);
  await expectAccessible(p, 'an unpublished page');

  // Taking Tom's profile down removes it from the directory and its address.
  await ap.goto('/admin/public-site');
  await ap.getByRole('button', { name: 'Take Tom Adeyemi’s profile down' }).click();
  await expect(ap.getByText('Tom Adeyemi’s profile is no longer public.')).toBeVisible();
  await openPublicPage(p, `/p/${SLUG}/therapists`);
  await expect(p.getByRole('list', { name: 'Therapists' }).getByRole('heading', { level: 2 })).toHaveText([
    'Dr Ruth Mensah',
    'Nia Jones',
  ]);
  const therapists = (await (await p.request.get(`/api/public/practices/${SLUG}/therapists`)).json()) as {
    therapists: { id: string; name: string }[];
  };
  expect(therapists.therapists.map((t) => t.name)).toEqual(['Dr Ruth Mensah', 'Nia Jones']);
  expectNoPageProblems(visitor as Watched);
  expectNoPageProblems(adminSide as Watched);
});
