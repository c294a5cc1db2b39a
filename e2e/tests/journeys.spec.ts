import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from '../support/accessibility';
import { expectNoPageProblems, openPerson, type Watched } from '../support/browser';
import { expectAppTookOver } from '../support/public-page';
import {
  acceptInvitation,
  agreeToPolicy,
  choosePassword,
  enrolAuthenticator,
  linkFromOutbox,
  shot,
  signInWithPassword,
  type Person,
} from '../support/flows';

/**
 * The foundation end to end, in order, against the real server and PostgreSQL: first-run setup,
 * staff enrolment, invitations through the outbox, a client's first sign-in, account pages, and a
 * wrong password. The tests share the practice they build, so they run one after another.
 */
test.describe.configure({ mode: 'serial' });

const run = Date.now().toString(36);
const practiceName = 'Northside Counselling';
const admin: Person = {
  name: 'Ada Admin',
  email: `ada.${run}@northside.test`,
  password: 'harbour lantern meadow 47 quietly',
};
const therapist: Person = {
  name: 'Theo Therapist',
  email: `theo.${run}@northside.test`,
  password: 'copper kettle orchard 19 slowly',
};
const client: Person = {
  name: 'Cara Client',
  email: `cara.${run}@example.test`,
  password: 'violet tides under 83 bridges',
};

let adminSide: Watched;
let therapistSide: Watched;
let clientSide: Watched;

const nav = (page: Page) => page.getByRole('navigation', { name: 'Main' });

test.afterAll(async () => {
  for (const side of [adminSide, therapistSide, clientSide]) await side?.context.close();
});

test('first run: setup, enrolment, invitations through the outbox, a client’s first sign-in', async ({
  browser,
  baseURL,
}) => {
  adminSide = await openPerson(browser, baseURL ?? '');
  const page = adminSide.page;

  // First run: the practice and its administrator.
  await page.goto('/');
  await expect(page).toHaveURL(/\/setup$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Set up your practice' })).toBeVisible();
  await expectAccessible(page, 'setup');
  // Sending the empty form names each missing thing in plain words.
  await page.getByRole('button', { name: 'Create practice' }).click();
  await expect(page.getByText('Enter the name of your practice.')).toBeVisible();
  await expect(page.getByText('Choose a password.', { exact: true })).toBeVisible();
  await expectAccessible(page, 'setup with errors');
  await page.getByLabel('Practice name').fill(practiceName);
  // Each message goes as soon as its field is put right, so the button does not move under the pointer.
  await expect(page.getByText('Enter the name of your practice.')).toHaveCount(0);
  await page.getByLabel('Your name').fill(admin.name);
  await page.getByLabel('E-mail address').fill('ada at northside');
  await page.getByRole('button', { name: 'Create practice' }).click();
  await expect(page.getByText('Enter an e-mail address in the form name@example.com.')).toBeVisible();
  await page.getByLabel('E-mail address').fill(admin.email);
  await page.getByLabel('Choose a password', { exact: true }).fill('password123');
  await expect(page.getByText(/^Strength: (Very weak|Weak)\./)).toBeVisible();
  await choosePassword(page, 'Choose a password', admin.password);
  await expectAccessible(page, 'setup with strength feedback');
  await shot(page, 'setup-desktop');
  await page.getByRole('button', { name: 'Create practice' }).click();

  // Staff must enrol before anything else; the rest of the app is out of reach until then.
  await expect(page).toHaveURL(/\/account\/security$/);
  await page.goto('/admin/people');
  await expect(page).toHaveURL(/\/account\/security$/);
  await enrolAuthenticator(page, admin, 'admin');
  await expect(page.getByText(practiceName).first()).toBeVisible();
  await expectAccessible(page, 'admin home');
  await shot(page, 'admin-home-desktop');

  // The admin invites a therapist.
  await nav(page).getByRole('link', { name: 'Invitations' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Invitations' })).toBeVisible();
  await expectAccessible(page, 'invitations (empty)');
  await page.getByLabel('Name').fill(therapist.name);
  await page.getByLabel('E-mail address').fill(therapist.email);
  await page.getByLabel('Role').selectOption({ label: 'Therapist' });
  await page.getByRole('button', { name: 'Send invitation' }).click();
  await expect(page.getByText(`Invitation sent to ${therapist.email}.`)).toBeVisible();
  const sent = page.getByRole('listitem').filter({ hasText: therapist.email });
  await expect(sent.getByText('Waiting')).toBeVisible();
  await expectAccessible(page, 'invitations');
  await shot(page, 'admin-invitations');

  // Without SMTP the invitation waits in the outbox; the admin passes the link on.
  const therapistLink = await linkFromOutbox(page, therapist.email, 'admin');
  await shot(page, 'admin-outbox-message');

  // The therapist, on their own computer, accepts and enrols.
  therapistSide = await openPerson(browser, baseURL ?? '');
  const tp = therapistSide.page;
  await acceptInvitation(tp, therapistLink, therapist, 'therapist');
  await enrolAuthenticator(tp, therapist, 'therapist');
  await expect(nav(tp).getByRole('link', { name: 'My clients' })).toBeVisible();
  await expect(nav(tp).getByRole('link', { name: 'People' })).toHaveCount(0);
  await expect(tp.getByText('No clients yet.')).toBeVisible();
  await expectAccessible(tp, 'therapist home');

  // The therapist invites a client; therapists can invite clients only.
  await tp.getByRole('link', { name: 'Invite a client' }).first().click();
  await expect(tp.getByRole('heading', { level: 1, name: 'Invite a client' })).toBeVisible();
  await expect(tp.getByLabel('Role')).toHaveCount(0);
  await expect(tp.getByText('They will join as a client in your care.')).toBeVisible();
  await tp.getByLabel('Name').fill(client.name);
  await tp.getByLabel('E-mail address').fill(client.email);
  await tp.getByRole('button', { name: 'Send invitation' }).click();
  await expect(tp.getByText(`Invitation sent to ${client.email}.`)).toBeVisible();
  await expectAccessible(tp, 'therapist invites a client');

  // The admin's outbox has the client's link.
  const clientLink = await linkFromOutbox(page, client.email, 'admin');

  // The client accepts (no second factor needed) and lands on their own home.
  clientSide = await openPerson(browser, baseURL ?? '');
  const cp = clientSide.page;
  await acceptInvitation(cp, clientLink, client, 'client');
  await agreeToPolicy(cp);
  await expect(cp.getByRole('heading', { level: 1, name: `Hello, ${client.name}` })).toBeVisible();
  await expect(nav(cp).getByRole('link', { name: 'Invitations' })).toHaveCount(0);

  // …signs out, and signs in again with the new password.
  await nav(cp).getByRole('button', { name: 'Sign out' }).click();
  await expect(cp.getByText('You have signed out.')).toBeVisible();
  await expectAccessible(cp, 'sign-in after signing out');
  await signInWithPassword(cp, client);
  await expect(cp.getByRole('heading', { level: 1, name: `Hello, ${client.name}` })).toBeVisible();
  await expect(cp.getByRole('main').getByRole('link', { name: /Need help now\?/ })).toBeVisible();
  await expectAccessible(cp, 'client home');
  await shot(cp, 'client-home-desktop');

  // The therapist now sees the client in their list.
  await tp.goto('/clients');
  await expect(tp.getByRole('heading', { level: 1, name: 'My clients' })).toBeVisible();
  await expect(tp.getByText(client.name)).toBeVisible();
  await expectAccessible(tp, 'my clients');
  await shot(tp, 'therapist-clients');

  for (const side of [adminSide, therapistSide, clientSide]) expectNoPageProblems(side);
});

test('account pages: details, sessions (sign out another device), record access, security', async ({
  browser,
  baseURL,
}) => {
  const cp = clientSide.page;
  // The client signs in on a second device as well.
  const second = await openPerson(browser, baseURL ?? '');
  await signInWithPassword(second.page, client);
  await expect(second.page.getByRole('heading', { level: 1, name: `Hello, ${client.name}` })).toBeVisible();

  await nav(cp).getByRole('link', { name: 'Account' }).click();
  await expect(cp.getByRole('heading', { level: 1, name: 'Your account' })).toBeVisible();
  await expect(cp.getByText(client.email)).toBeVisible();
  await expectAccessible(cp, 'account');

  await cp.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: 'Sessions' }).click();
  await expect(cp.getByRole('heading', { level: 1, name: 'Where you are signed in' })).toBeVisible();
  const sessions = cp.getByRole('list', { name: 'Your sessions' }).getByRole('listitem');
  await expect(sessions).toHaveCount(2);
  await expect(sessions.filter({ hasText: 'This device' })).toHaveCount(1);
  await expectAccessible(cp, 'sessions');
  await shot(cp, 'client-sessions');
  const other = sessions.filter({ hasNotText: 'This device' });
  await other.getByRole('button', { name: /^Sign out/ }).click();
  await expect(cp.getByText('That session has been signed out.')).toBeVisible();
  await expect(sessions).toHaveCount(1);

  // The other device is signed out: the next thing it does there asks it to sign in, and says why.
  await nav(second.page).getByRole('link', { name: 'Account' }).click();
  await second.page.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: 'Sessions' }).click();
  await expect(second.page).toHaveURL(/\/sign-in\?next=%2Faccount%2Fsessions/);
  await expect(second.page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await expect(second.page.getByText(/^You have been signed out\. This happens when a session/)).toBeVisible();
  await expectAccessible(second.page, 'sign-in after the session ended');
  await shot(second.page, 'client-session-ended');
  await signInWithPassword(second.page, client);
  await expect(second.page.getByRole('heading', { level: 1, name: `Hello, ${client.name}` })).toBeVisible();
  await second.context.close();

  await cp.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: 'Who opened my record' }).click();
  await expect(cp.getByRole('heading', { level: 1, name: 'Who has opened my record' })).toBeVisible();
  await expect(cp.getByRole('status').filter({ hasText: 'Loading' })).toHaveCount(0);
  await expectAccessible(cp, 'record access');

  await cp.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: 'Security' }).click();
  await expect(cp.getByRole('heading', { level: 1, name: 'Security' })).toBeVisible();
  await expect(cp.getByRole('heading', { name: 'Passkeys' })).toBeVisible();
  // Without an app or a passkey there is nothing for recovery codes to back up, so none are offered.
  await expect(cp.getByText(/^Recovery codes are a back-up for an authenticator app or a passkey/)).toBeVisible();
  await expect(cp.getByRole('button', { name: 'Create new recovery codes' })).toHaveCount(0);
  await expectAccessible(cp, 'security (client)');

  // The admin's pages: people with the roles dialog, and the audit log with its integrity check.
  const page = adminSide.page;
  await nav(page).getByRole('link', { name: 'People' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'People' })).toBeVisible();
  await expect(page.getByText(therapist.email)).toBeVisible();
  // An administrator cannot disable their own account (it would lock them out at once).
  await expect(page.getByRole('button', { name: `Disable account: ${therapist.name}` })).toBeVisible();
  await expect(page.getByRole('button', { name: `Disable account: ${admin.name}` })).toHaveCount(0);
  await expectAccessible(page, 'people');
  await shot(page, 'admin-people');
  await page.getByRole('button', { name: `Edit roles: ${therapist.name}` }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('heading', { name: `Roles for ${therapist.name}` })).toBeVisible();
  await expect(dialog.getByRole('checkbox', { name: 'Therapist' })).toBeChecked();
  await expectAccessible(page, 'edit roles dialog');
  await shot(page, 'admin-edit-roles', false);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);

  await nav(page).getByRole('link', { name: 'Audit log' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
  await expect(page.getByRole('table')).toBeVisible();
  await page.getByText('Filter the log').click();
  await page.getByLabel('Action').selectOption({ label: 'Invitation sent' });
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/action=invitation\.created/);
  await expect(page.getByRole('table').getByRole('row')).toHaveCount(3);
  // Every action and subject is in plain words, never a code such as “invitation.viewed”.
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(page).not.toHaveURL(/action=/);
  // The whole log, not the filtered table still on screen until it arrives (a header and 2 rows).
  await expect(page.getByRole('table').getByRole('row').nth(3)).toBeVisible();
  const described = await page.locator('td[data-label="What"], td[data-label="About"]').allInnerTexts();
  expect(described.filter((text) => /^[a-z]+[._][a-z_.]+$/.test(text.trim()))).toEqual([]);
  // A date range that ends before it starts is explained at once, and not sent.
  await page.getByLabel('From').fill('2025-03-10');
  await page.getByLabel('To').fill('2025-03-01');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page.getByText('Choose a “to” date on or after the “from” date.')).toBeVisible();
  await expect(page).not.toHaveURL(/from=/);
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await page.getByRole('button', { name: 'Verify integrity' }).click();
  await expect(page.getByText(/^The log is intact\./)).toBeVisible();
  await expectAccessible(page, 'audit log');
  await shot(page, 'admin-audit');

  await nav(page).getByRole('link', { name: 'Account' }).click();
  await page.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: 'Security' }).click();
  await expect(page.getByText('Set up. Codes from your app are accepted when you sign in.')).toBeVisible();
  await expectAccessible(page, 'security (admin)');
  await shot(page, 'admin-security');

  expectNoPageProblems(clientSide);
  expectNoPageProblems(adminSide);
});

test('a wrong password gets the same message as an unknown address', async ({ browser, baseURL }) => {
  const stranger = await openPerson(browser, baseURL ?? '');
  const page = stranger.page;
  await signInWithPassword(page, { ...therapist, password: 'not the right password at all' });
  const alert = page.getByRole('alert');
  await expect(alert).toBeVisible();
  const wrongPassword = (await alert.textContent())?.trim();
  await expect(page.getByLabel('E-mail address')).toHaveValue(therapist.email);
  await expectAccessible(page, 'sign-in with an error');
  await shot(page, 'sign-in-error');

  await page.getByLabel('E-mail address').fill(`nobody.${run}@northside.test`);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(alert).toHaveText(wrongPassword ?? '');
  expect(wrongPassword).not.toMatch(/password is wrong|no account|not found/i);
  expectNoPageProblems(stranger);
  await stranger.context.close();
});

test('a therapist signs in with a code from their app', async ({ browser, baseURL }) => {
  const { totpCode } = await import('../support/totp');
  const device = await openPerson(browser, baseURL ?? '');
  const page = device.page;
  await signInWithPassword(page, therapist);
  await expect(page).toHaveURL(/\/sign-in\/verify/);
  await expect(page.getByRole('heading', { level: 1, name: 'Check it’s you' })).toBeVisible();
  await expectAccessible(page, 'verify');
  await shot(page, 'therapist-verify');
  await page.getByLabel('Six-digit code').fill('12345');
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page.getByText('Enter the 6 digits your authenticator app shows, for example 123 456.')).toBeVisible();
  await page.getByLabel('Six-digit code').fill('000000');
  await page.getByRole('button', { name: 'Verify' }).click();
  // The server's answer shows once, under the field (screen readers still hear it as an alert).
  const refusal = /^That code did not work/;
  await expect(page.getByLabel('Six-digit code')).toHaveAccessibleDescription(/That code did not work/);
  await expect(page.getByRole('alert').filter({ hasText: refusal })).toHaveClass(/visually-hidden/);
  await expectAccessible(page, 'verify with a wrong code');
  await shot(page, 'therapist-verify-wrong-code');
  await page.getByLabel('Six-digit code').fill(await totpCode(therapist.totpSecret ?? ''));
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Hello, ${therapist.name}` })).toBeVisible();
  expectNoPageProblems(device);
  await device.context.close();
});

test('a therapist signs in with a recovery code instead', async ({ browser, baseURL }) => {
  const device = await openPerson(browser, baseURL ?? '');
  const page = device.page;
  await signInWithPassword(page, therapist);
  await page.getByRole('tab', { name: 'Recovery code' }).click();
  await expectAccessible(page, 'verify with a recovery code');
  await page.getByRole('textbox', { name: 'Recovery code' }).fill(therapist.recoveryCodes?.[0] ?? '');
  await page.getByRole('button', { name: 'Use recovery code' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Hello, ${therapist.name}` })).toBeVisible();
  await page.goto('/account/security');
  await expect(page.getByText('You have 9 unused recovery codes.')).toBeVisible();
  expectNoPageProblems(device);
  await device.context.close();
});

test('a forgotten password is reset through an e-mailed link', async ({ browser, baseURL }) => {
  const device = await openPerson(browser, baseURL ?? '');
  const page = device.page;
  await page.goto('/sign-in');
  await page.getByRole('link', { name: 'Forgotten your password?' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Forgotten your password?' })).toBeVisible();
  await expectAccessible(page, 'forgot password');
  await page.getByLabel('E-mail address').fill(client.email);
  await page.getByRole('button', { name: 'Send the link' }).click();
  await expect(page.getByText(/If an account uses that address, a link is on its way/)).toBeVisible();

  const resetLink = await linkFromOutbox(adminSide.page, client.email, 'admin', /\/reset-password\//);
  await page.goto(resetLink);
  await expect(page.getByRole('heading', { level: 1, name: 'Choose a new password' })).toBeVisible();
  await expect(page.getByText(`For ${client.email} at ${practiceName}.`)).toBeVisible();
  await expect(page.getByText(/^This link works until \d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2}\.$/)).toBeVisible();
  await expect(page.getByText(/invitation/i)).toHaveCount(0);
  await expectAccessible(page, 'reset password');
  client.password = 'lighthouse keeper 62 marmalade dawn';
  await choosePassword(page, 'New password', client.password);
  await page.getByRole('button', { name: 'Save new password' }).click();
  await expect(page.getByText('Your password has been changed and every other session signed out.')).toBeVisible();
  await page.getByRole('link', { name: 'Sign in with your new password' }).click();
  await signInWithPassword(page, client);
  await expect(page.getByRole('heading', { level: 1, name: `Hello, ${client.name}` })).toBeVisible();

  // Every other session of the client ended with the reset.
  await clientSide.page.goto('/account');
  await expect(clientSide.page).toHaveURL(/\/sign-in/);
  expectNoPageProblems(device);
  await device.context.close();
});

test('an admin withdraws an invitation after confirming', async () => {
  const page = adminSide.page;
  await page.goto('/admin/invitations');
  const email = `sam.${run}@example.test`;
  await page.getByLabel('Name').fill('Sam Supervisor');
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Role').selectOption({ label: 'Supervisor' });
  await page.getByRole('button', { name: 'Send invitation' }).click();
  await expect(page.getByText(`Invitation sent to ${email}.`)).toBeVisible();

  // Inviting the same address again is refused with the server's explanation; the form keeps what was typed.
  await page.getByLabel('Name').fill('Sam Supervisor');
  await page.getByLabel('E-mail address').fill(email);
  await page.getByRole('button', { name: 'Send invitation' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await expect(page.getByLabel('E-mail address')).toHaveValue(email);

  await page.getByRole('button', { name: `Withdraw: ${email}` }).click();
  const dialog = page.getByRole('alertdialog');
  await expect(dialog.getByRole('heading', { name: `Withdraw the invitation to ${email}?` })).toBeVisible();
  await expectAccessible(page, 'withdraw dialog');
  await dialog.getByRole('button', { name: 'Withdraw' }).click();
  await expect(page.getByText(`The invitation to ${email} has been withdrawn.`)).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: email }).getByText('Withdrawn')).toBeVisible();
  expectNoPageProblems(adminSide);
});

test('an admin adds a passkey, then signs in with it', async () => {
  const page = adminSide.page;
  // Chromium's virtual authenticator stands in for a phone or security key.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });

  await page.goto('/account/security');
  await page.getByLabel('Name for this passkey').fill('Office laptop');
  await page.getByRole('button', { name: 'Add a passkey' }).click();
  await expect(page.getByText('Passkey added.')).toBeVisible();
  await expect(page.getByText('Office laptop')).toBeVisible();
  await expectAccessible(page, 'security with a passkey');

  await nav(page).getByRole('button', { name: 'Sign out' }).click();
  await signInWithPassword(page, admin);
  await expect(page).toHaveURL(/\/sign-in\/verify/);
  await page.getByRole('tab', { name: 'Passkey' }).click();
  await expectAccessible(page, 'verify with a passkey');
  await page.getByRole('button', { name: 'Use a passkey' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Hello, ${admin.name}` })).toBeVisible();

  await page.goto('/account/security');
  await expect(page.getByText(/Office laptop/)).toBeVisible();
  await expect(page.getByText(/last used/)).toBeVisible();

  // Removing it asks for the password again (the admin keeps the authenticator app).
  await page.getByRole('listitem').filter({ hasText: 'Office laptop' }).getByRole('button', { name: 'Remove' }).click();
  const confirm = page.getByRole('alertdialog');
  await expect(confirm.getByRole('heading', { name: 'Remove “Office laptop”?' })).toBeVisible();
  await confirm.getByLabel('Password', { exact: true }).fill('not the password');
  await confirm.getByRole('button', { name: 'Remove' }).click();
  await expect(confirm.getByText('That is not your current password. Check it and try again.').first()).toBeVisible();
  await expectAccessible(page, 'remove passkey dialog');
  await confirm.getByLabel('Password', { exact: true }).fill(admin.password);
  await confirm.getByRole('button', { name: 'Remove' }).click();
  await expect(page.getByText('Passkey removed.')).toBeVisible();
  await expect(page.getByText(/^No passkeys yet/)).toBeVisible();
  expectNoPageProblems(adminSide);
});

test('phone width: the navigation folds away and pages fit at 375 px', async ({ browser, baseURL }) => {
  const phone = await openPerson(browser, baseURL ?? '', { width: 375, height: 740 });
  const page = phone.page;
  await signInWithPassword(page, client);
  await expect(page.getByRole('heading', { level: 1, name: `Hello, ${client.name}` })).toBeVisible();

  const menu = page.getByRole('button', { name: 'Menu' });
  await expect(menu).toBeVisible();
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await expect(nav(page).getByRole('link', { name: 'Account' })).toBeHidden();
  await expectAccessible(page, 'client home at 375 px');
  await shot(page, 'client-home-phone');
  await menu.click();
  await expect(menu).toHaveAttribute('aria-expanded', 'true');
  await expect(nav(page).getByRole('link', { name: 'Account' })).toBeVisible();
  await expectAccessible(page, 'open menu at 375 px');
  await shot(page, 'client-menu-phone');
  // Escape folds the menu away again and leaves the keyboard on its button.
  await page.keyboard.press('Escape');
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await expect(menu).toBeFocused();
  await menu.click();
  await nav(page).getByRole('link', { name: 'Account' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your account' })).toBeVisible();
  await expect(nav(page).getByRole('link', { name: 'Account' })).toBeHidden();
  await shot(page, 'client-account-phone');

  // At 320 px, the narrowest phones: the help link still sits clear of the mark and the menu button.
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto('/');
  // Measured once the home page is there (the header is laid out again as the signed-in app loads).
  await expect(page.getByRole('heading', { level: 1, name: `Hello, ${client.name}` })).toBeVisible();
  const brand = await page.getByRole('link', { name: 'Undercurrent' }).boundingBox();
  const help = await page.getByRole('banner').getByRole('link', { name: 'Need help now?' }).boundingBox();
  const toggle = await menu.boundingBox();
  expect(brand && help && toggle, 'header items are laid out').toBeTruthy();
  if (brand && help && toggle) {
    // A client's header also carries "My safety plan", so on the narrowest phones it may wrap onto a
    // second row: what matters is that nothing overlaps and nothing leaves the screen.
    type Box = { x: number; y: number; width: number; height: number };
    const apart = (a: Box, b: Box) =>
      a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
    expect(apart(brand, help), 'the mark and the help link do not overlap').toBe(true);
    expect(apart(help, toggle), 'the help link and the menu button do not overlap').toBe(true);
    expect(apart(brand, toggle), 'the mark and the menu button do not overlap').toBe(true);
    for (const box of [brand, help, toggle]) expect(box.x + box.width).toBeLessThanOrEqual(320);
  }
  await shot(page, 'client-home-320', false);

  for (const path of ['/', '/account', '/account/sessions', '/help']) {
    await page.goto(path);
    // /help loads as the server's first paint until the app takes over: measure the app's page.
    await expectAppTookOver(page);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `no sideways scrolling on ${path} at 375 px`).toBeLessThanOrEqual(0);
  }

  await adminSide.page.setViewportSize({ width: 375, height: 740 });
  await adminSide.page.goto('/admin/audit');
  await expect(adminSide.page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
  await expectAccessible(adminSide.page, 'audit log at 375 px');
  await shot(adminSide.page, 'admin-audit-phone', false);
  const overflow = await adminSide.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, 'no sideways scrolling on the audit log at 375 px').toBeLessThanOrEqual(0);

  // New recovery codes at 375 and 320 px: every code stays whole on one line, easy to copy by hand.
  const ap = adminSide.page;
  await ap.goto('/account/security');
  await ap.getByRole('button', { name: 'Create new recovery codes' }).click();
  const confirm = ap.getByRole('alertdialog');
  await confirm.getByLabel('Password', { exact: true }).fill(admin.password);
  await confirm.getByRole('button', { name: 'Create new recovery codes' }).click();
  await expect(ap.getByRole('heading', { name: 'Save your recovery codes' })).toBeVisible();
  for (const width of [375, 320]) {
    await ap.setViewportSize({ width, height: 740 });
    const codes = ap.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem');
    await expect(codes).toHaveCount(10);
    const heights = await codes.evaluateAll((items) => items.map((item) => item.getBoundingClientRect().height));
    const lineHeight = await codes
      .first()
      .locator('code')
      .evaluate((code) => parseFloat(getComputedStyle(code).lineHeight) || 24);
    expect(Math.max(...heights), `each recovery code on one line at ${width} px`).toBeLessThan(lineHeight * 1.5);
    const sideways = await ap.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(sideways, `no sideways scrolling on the recovery codes at ${width} px`).toBeLessThanOrEqual(0);
  }
  await expectAccessible(ap, 'new recovery codes at 320 px');
  await shot(ap, 'admin-recovery-codes-320');
  await ap.getByText('I have saved these codes somewhere safe').click();
  await ap.getByRole('button', { name: 'Done' }).click();
  await expect(ap.getByText('You have 10 unused recovery codes.')).toBeVisible();
  await ap.setViewportSize({ width: 1280, height: 800 });

  expectNoPageProblems(phone);
  await phone.context.close();
});
