/**
 * Every word the web app shows, in British English. Another locale implements `Strings` and is
 * swapped in here; components never hold their own wording.
 */
import { HELP_PAGE_WORDS } from '@undercurrent/clinical';
import type { InvitationStatus, OutboxStatus, PersonStatus, Role } from './api/types';

const en = {
  locale: 'en-GB',
  product: 'Undercurrent',
  titleSuffix: 'Undercurrent',

  shell: {
    skipToContent: 'Skip to main content',
    needHelp: 'Need help now?',
    menu: 'Menu',
    mainNav: 'Main',
    signOut: 'Sign out',
    signingOut: 'Signing out…',
    signedOut: 'You have signed out.',
    sessionEnded:
      'You have been signed out. This happens when a session is left idle for a while, or is ended from another device or by an administrator. Sign in again to carry on where you were.',
    rolesChanged: 'Your roles have changed. Sign in again to carry on with them.',
    home: 'Home',
    people: 'People',
    invitations: 'Invitations',
    outbox: 'Outbox',
    audit: 'Audit log',
    myClients: 'My clients',
    account: 'Account',
    demoBanner: 'Demo practice',
    demoDetail: 'Everything here is invented. Please do not enter real client details.',
    footer: 'Undercurrent · open-source software for psychodynamic practices',
    signedInAs: (name: string) => `Signed in as ${name}`,
  },

  common: {
    loading: 'Loading…',
    sending: 'Sending…',
    saving: 'Saving…',
    cancel: 'Cancel',
    tryAgain: 'Try again',
    required: (label: string) => `Enter ${label.toLowerCase()}.`,
    emailInvalid: 'Enter an e-mail address in the form name@example.com.',
    optional: 'optional',
    never: 'Never',
    notYet: 'Not yet',
    show: 'Show',
    hide: 'Hide',
    showPassword: 'Show password',
    hidePassword: 'Hide password',
    backTo: (place: string) => `Back to ${place}`,
  },

  errors: {
    network: 'We could not reach Undercurrent. Check your connection and try again; nothing you typed has been lost.',
    server: 'Something went wrong on our side. Nothing you typed has been lost; please try again in a moment.',
    tooMany: 'Too many attempts. Please wait a few minutes before trying again.',
    forbidden: 'You do not have permission to do that.',
    notFound: 'We could not find that.',
    unexpected: 'Something unexpected happened. Please try again.',
    sessionEnded: 'Your session has ended. Please sign in again.',
  },

  notFound: {
    title: 'Page not found',
    body: 'There is nothing at this address. It may have moved, or the link may be incomplete.',
    home: 'Go to the start page',
  },

  routeError: {
    title: 'This page could not be shown',
    offline: 'It could not be loaded. Check your connection, then try again.',
    failed: 'Something went wrong on our side. Please try again in a moment.',
    reload: 'Try again',
  },

  noAccess: {
    title: 'Not available to you',
    body: 'Your role in this practice does not include this page. If you think it should, ask your practice administrator.',
  },

  // The help page's own words are shared with the server's first paint of /help (HELP_PAGE_WORDS).
  help: {
    ...HELP_PAGE_WORDS,
    loading: 'Loading the numbers for your region…',
    fallbackNote: 'We could not load the practice’s list just now. These numbers work across the UK:',
    fallbackEmergency: { name: 'Emergency services', action: 'Call 999 or go to A&E.', href: 'tel:999' },
    fallbackSamaritans: { name: 'Samaritans', action: 'Call 116 123, free, any time.', href: 'tel:116123' },
  },

  /** What a required field says when it is left empty, where “Enter <label>.” would read badly. */
  required: {
    practiceName: 'Enter the name of your practice.',
    displayName: 'Enter your name.',
    personName: 'Enter their name.',
    email: 'Enter an e-mail address.',
    password: 'Enter your password.',
    choosePassword: 'Choose a password.',
    newPassword: 'Choose a new password.',
    currentPassword: 'Enter your current password.',
    code: 'Enter the six-digit code from your authenticator app.',
    recoveryCode: 'Enter one of your recovery codes.',
    passkeyName: 'Give this passkey a name.',
  },

  strength: {
    unavailable: 'We could not check the strength just now; you can still continue.',
    labels: ['Very weak', 'Weak', 'Fair', 'Good', 'Strong'] as readonly string[],
    strengthIs: (label: string) => `Strength: ${label}.`,
    acceptable: 'This password is strong enough.',
    notAcceptable: 'Choose a longer or less predictable password.',
    tooWeak: 'Choose a stronger password before continuing.',
    hint: 'Use at least 10 characters. A few unrelated words together work well.',
  },

  fields: {
    practiceName: 'Practice name',
    practiceNameHint: 'As clients will see it, for example “Northside Counselling”.',
    displayName: 'Your name',
    displayNameHint: 'As others in the practice will see it.',
    personName: 'Name',
    email: 'E-mail address',
    password: 'Password',
    newPassword: 'New password',
    choosePassword: 'Choose a password',
    currentPassword: 'Current password',
    practice: 'Practice',
    role: 'Role',
    code: 'Six-digit code',
    codeHint: 'From your authenticator app. It changes every 30 seconds.',
    codeInvalid: 'Enter the 6 digits your authenticator app shows, for example 123 456.',
    recoveryCode: 'Recovery code',
    recoveryCodeHint: 'One of the codes you saved when you set up two-step verification. Each works once.',
    passkeyName: 'Name for this passkey',
    passkeyNameHint: 'So you can tell your devices apart, for example “Work laptop”.',
  },

  setup: {
    title: 'Set up your practice',
    lead: 'Welcome. This creates your practice and your own administrator account. Next you will set up two-step verification, so nobody else can sign in as you.',
    practiceHeading: 'Your practice',
    youHeading: 'You',
    submit: 'Create practice',
    done: 'Your practice is ready. Now set up two-step verification.',
    alreadyDone: 'This installation has already been set up. Please sign in.',
  },

  signIn: {
    title: 'Sign in',
    lead: 'Welcome back.',
    choosePractice: 'Which practice?',
    submit: 'Sign in',
    forgot: 'Forgotten your password?',
    noPractices: 'There is no practice here yet.',
  },

  verify: {
    title: 'Check it’s you',
    lead: 'Your practice uses two-step verification. Choose how to confirm it’s you.',
    tabs: 'Ways to verify',
    totpTab: 'Authenticator app',
    passkeyTab: 'Passkey',
    recoveryTab: 'Recovery code',
    totpSubmit: 'Verify',
    passkeyLead: 'Use the passkey saved on this device or a security key.',
    passkeyButton: 'Use a passkey',
    passkeyCancelled: 'The passkey was not used. You can try again, or choose another way.',
    passkeyFailed: 'The passkey could not be used here. Try again, or choose another way.',
    recoverySubmit: 'Use recovery code',
    recoveryLeft: (n: number) =>
      `${
        n === 0
          ? 'That was your last recovery code.'
          : n === 1
            ? 'You have 1 recovery code left.'
            : `You have ${n} recovery codes left.`
      } Create new ones in Account › Security, so you can still sign in if you lose your phone.`,
    startAgain: 'Sign in as someone else',
  },

  forgot: {
    title: 'Forgotten your password?',
    lead: 'Tell us the e-mail address you sign in with and we will send a link to choose a new password.',
    submit: 'Send the link',
    sent: 'If an account uses that address, a link is on its way. It works for a limited time. If nothing arrives, ask your practice administrator.',
    backToSignIn: 'Back to sign in',
  },

  reset: {
    title: 'Choose a new password',
    forAccount: (email: string, practice: string) => `For ${email} at ${practice}.`,
    submit: 'Save new password',
    done: 'Your password has been changed and every other session signed out.',
    signIn: 'Sign in with your new password',
    invalid: 'This link cannot be used',
    requestNew: 'Ask for a new link',
    expires: (when: string) => `This link works until ${when}.`,
  },

  invite: {
    title: (practice: string) => `Join ${practice}`,
    lead: (name: string, role: string) => `Hello ${name}. You have been invited to join as ${role}.`,
    email: 'You will sign in with',
    expires: (when: string) => `This invitation is valid until ${when}.`,
    staffNext: 'After choosing a password you will set up two-step verification.',
    submit: 'Accept and continue',
    signedInAs: (name: string) =>
      `You are signed in as ${name} on this device. Accepting will sign that account out here.`,
    invalid: 'This invitation cannot be used',
    loadingTitle: 'Your invitation',
  },

  enrol: {
    title: 'Set up two-step verification',
    lead: 'Your practice asks everyone on the staff to confirm it’s them with a second step when signing in. This keeps clients’ records safe even if a password is guessed.',
    appHeading: 'Use an authenticator app',
    appLead:
      'An app on your phone, such as a password manager or an authenticator app, makes a new six-digit code every 30 seconds.',
    start: 'Set up an authenticator app',
    scan: 'Scan this code with your app',
    qrAlt: 'QR code for your authenticator app',
    manual: 'Or type this key into the app',
    confirmLead: 'Then enter the code the app shows to confirm it works.',
    confirm: 'Confirm',
    confirmed: 'Your authenticator app is set up.',
    passkeyHeading: 'Or use a passkey',
    passkeyLead: 'A passkey uses your device’s screen lock or a security key instead of a code.',
    passkeyButton: 'Add a passkey',
    continue: 'Continue to Undercurrent',
  },

  recovery: {
    heading: 'Save your recovery codes',
    lead: 'If you lose your phone or passkey, each of these codes lets you sign in once. We will not show them again. Keep them somewhere safe, away from this device.',
    listLabel: 'Recovery codes',
    copy: 'Copy codes',
    copied: 'Copied to the clipboard.',
    copyFailed: 'Copying was not allowed here; select the codes and copy them by hand.',
    download: 'Download as a text file',
    fileName: 'undercurrent-recovery-codes.txt',
    fileHeader: (practice: string, email: string) => `Undercurrent recovery codes for ${email} at ${practice}`,
    savedCheck: 'I have saved these codes somewhere safe',
    done: 'Done',
  },

  account: {
    title: 'Your account',
    detailsHeading: 'Your details',
    name: 'Name',
    email: 'E-mail',
    roles: 'Roles',
    practice: 'Practice',
    detailsNote: 'To change your name or e-mail address, ask your practice administrator.',
    nav: 'Account',
    overview: 'Overview',
    security: 'Security',
    sessions: 'Sessions',
    recordAccess: 'Who opened my record',
    passwordHeading: 'Change your password',
    passwordSubmit: 'Change password',
    passwordChanged: 'Your password has been changed. Other devices have been signed out.',
  },

  security: {
    title: 'Security',
    appHeading: 'Authenticator app',
    appOn: 'Set up. Codes from your app are accepted when you sign in.',
    appOff: 'Not set up.',
    on: 'On',
    off: 'Off',
    appRemove: 'Remove authenticator app',
    appRemoveTitle: 'Remove the authenticator app?',
    appRemoveBody:
      'Enter your password to confirm. To move to a new phone, remove the app here and set it up again on the new one.',
    appRemoved: 'The authenticator app has been removed.',
    passkeysHeading: 'Passkeys',
    passkeysEmpty: 'No passkeys yet. A passkey lets you sign in with your device’s screen lock.',
    passkeyAdd: 'Add a passkey',
    passkeyAdded: 'Passkey added.',
    passkeyRemove: 'Remove',
    passkeyRemoveTitle: (name: string) => `Remove “${name}”?`,
    passkeyRemoveBody: 'You will no longer be able to sign in with this passkey. Enter your password to confirm.',
    passkeyRemoved: 'Passkey removed.',
    passkeyCreated: (when: string) => `Added ${when}`,
    passkeyLastUsed: (when: string) => `last used ${when}`,
    passkeyNeverUsed: 'not used yet',
    passkeyCancelled: 'The passkey was not saved. You can try again.',
    passkeyAlreadyRegistered: 'This device or security key already holds a passkey for your account.',
    passkeyFailed: 'The passkey could not be saved. You can try again, or use an authenticator app.',
    passkeyUnsupported: 'This browser cannot create passkeys.',
    codesHeading: 'Recovery codes',
    codesLeft: (n: number) => (n === 1 ? 'You have 1 unused recovery code.' : `You have ${n} unused recovery codes.`),
    codesNeedFactor:
      'Recovery codes are a back-up for an authenticator app or a passkey. When you set one of those up, you will be given a set to keep.',
    codesRegenerate: 'Create new recovery codes',
    codesRegenerateTitle: 'Create new recovery codes?',
    codesRegenerateBody: 'Your old codes will stop working. Enter your password to continue.',
    mfaRequiredNote: 'As a member of staff you must keep at least one of these set up.',
    mfaOptionalNote:
      'A second step when you sign in keeps your account safe even if someone learns your password. Setting one up is up to you.',
  },

  sessions: {
    title: 'Where you are signed in',
    lead: 'If you see a device you do not recognise, sign it out and change your password.',
    listLabel: 'Your sessions',
    thisDevice: 'This device',
    signOut: 'Sign out',
    signOutSession: (device: string) => `Sign out ${device}`,
    signedOut: 'That session has been signed out.',
    signOutOthers: 'Sign out everywhere else',
    signOutOthersTitle: 'Sign out everywhere else?',
    signOutOthersBody: 'Every other browser and device signed in to your account will be signed out.',
    signedOutOthers: (n: number) =>
      n === 1 ? '1 other session has been signed out.' : `${n} other sessions have been signed out.`,
    onlyThis: 'You are only signed in here.',
    started: 'Signed in',
    lastSeen: 'Last active',
    expires: 'Ends if left idle',
    address: 'Network address',
  },

  recordAccess: {
    title: 'Who has opened my record',
    lead: 'Every time someone in the practice opens or changes your record, it is written here. You can ask your practice about anything you see.',
    empty: 'Nobody has opened your record yet.',
  },

  home: {
    greeting: (name: string) => `Hello, ${name}`,
    adminLead: 'Run the practice: the people in it, invitations, e-mails waiting to go out, and the audit log.',
    peopleCard: 'Staff and clients, their roles and status.',
    invitationsCard: 'Invite colleagues and clients, resend or withdraw invitations.',
    outboxCard: 'Every e-mail Undercurrent sends, including invitation links.',
    auditCard: 'Who did what, when — and a check that nothing was altered.',
    supervisorLead:
      'Material shared with you for supervision will appear here. For now, you can look after your account.',
    clientLead: 'This is your private space. Nothing here is shared with your therapist unless you choose to share it.',
    sessionsCard: 'Your next session, breaks ahead, cancelling or asking to move, and your calendar.',
    accountCard: 'Your details, password and sign-in security.',
    helpCard: 'Numbers to call or text if you need someone now, any time of day.',
  },

  clients: {
    title: 'My clients',
    lead: 'The clients in your care.',
    invite: 'Invite a client',
    empty: 'No clients yet. Invite a client and they will appear here once they have accepted.',
  },

  people: {
    title: 'People',
    lead: 'Everyone with an account in this practice.',
    filterRole: 'Role',
    filterStatus: 'Status',
    anyRole: 'Any role',
    anyStatus: 'Any status',
    empty: 'Nobody matches these filters.',
    lastSignIn: (when: string) => `Last signed in on ${when}`,
    neverSignedIn: 'Has not signed in yet',
    mfaOn: 'Two-step verification on',
    mfaOff: 'No two-step verification',
    editRoles: 'Edit roles',
    editRolesTitle: (name: string) => `Roles for ${name}`,
    rolesLegend: 'Roles',
    rolesNeedOne: 'Choose at least one role.',
    privilegeWarning: (name: string) => `Saving signs ${name} out on every device, so the change takes effect at once.`,
    privilegeWarningSelf:
      'Saving signs you out on every device, this one included, so the change takes effect at once. Removing your own administrator role means you can no longer manage the practice.',
    saveRoles: 'Save roles',
    rolesSaved: (name: string) => `${name}’s roles have been updated.`,
    disable: 'Disable account',
    enable: 'Re-enable account',
    disableTitle: (name: string) => `Disable ${name}’s account?`,
    disableBody: 'They will be signed out at once and will not be able to sign in until the account is re-enabled.',
    enableTitle: (name: string) => `Re-enable ${name}’s account?`,
    enableBody: 'They will be able to sign in again with their existing password and two-step verification.',
    disabled: (name: string) => `${name}’s account has been disabled.`,
    enabled: (name: string) => `${name}’s account has been re-enabled.`,
    you: 'you',
  },

  invitations: {
    title: 'Invitations',
    lead: 'Invite someone to the practice. They receive an e-mail with a link that works for 7 days.',
    formHeading: 'Invite someone',
    roleClientOnly: 'They will join as a client in your care.',
    noSmtpTherapist:
      'If this practice has no e-mail server configured, the invitation waits in the Outbox until a practice administrator passes the link on.',
    submit: 'Send invitation',
    sent: (email: string) => `Invitation sent to ${email}.`,
    noSmtp:
      'If this practice has no e-mail server configured, the invitation waits in the Outbox, where an administrator can open it and pass the link on.',
    listHeading: 'Sent invitations',
    filterStatus: 'Show',
    anyStatus: 'All invitations',
    empty: 'No invitations yet. Use the form above to invite someone.',
    emptyFiltered: 'No invitations with this status.',
    invitedBy: (name: string) => `by ${name}`,
    sentOn: (when: string) => `Sent ${when}`,
    expiresOn: (when: string) => `Expires ${when}`,
    acceptedOn: (when: string) => `Accepted ${when}`,
    resend: 'Resend',
    resent: (email: string) => `A new link has been sent to ${email}. The old link no longer works.`,
    revoke: 'Withdraw',
    revokeTitle: (email: string) => `Withdraw the invitation to ${email}?`,
    revokeBody: 'The link in their e-mail will stop working. You can invite them again later.',
    revoked: (email: string) => `The invitation to ${email} has been withdrawn.`,
  },

  outbox: {
    title: 'Outbox',
    lead: 'Every e-mail Undercurrent sends is kept here. Without an e-mail server, messages wait as “held”: open one to read it and pass its link on yourself.',
    filterStatus: 'Show',
    anyStatus: 'All messages',
    empty: 'No e-mails yet. Invitations and password-reset messages will appear here.',
    emptyFiltered: 'No messages with this status.',
    to: 'To',
    created: 'Created',
    sentAt: 'Sent',
    attempts: 'Attempts',
    lastError: 'Last error',
    bodyHeading: 'Message',
    retry: 'Try sending again',
    retried: 'The message will be sent again.',
    back: 'Back to the outbox',
  },

  audit: {
    title: 'Audit log',
    lead: 'Every sign-in, change and access in the practice, in order. Entries are chained together, so any alteration can be detected.',
    filtersHeading: 'Filter the log',
    filtersActive: 'Filter the log (filters applied)',
    action: 'Action',
    anyAction: 'Any action',
    outcome: 'Outcome',
    anyOutcome: 'Any outcome',
    from: 'From',
    to: 'To',
    apply: 'Apply filters',
    rangeBackwards: 'Choose a “to” date on or after the “from” date.',
    clear: 'Clear filters',
    empty: 'No entries match these filters.',
    when: 'When',
    who: 'Who',
    what: 'What',
    subject: 'About',
    result: 'Outcome',
    address: 'Address',
    system: 'Undercurrent',
    notSignedIn: 'Someone not signed in',
    older: 'Show older entries',
    noMore: 'There are no older entries.',
    verify: 'Verify integrity',
    verifying: 'Checking every entry…',
    verifyOk: (sealed: number, unsealed: number) =>
      `The log is intact. ${sealed} ${sealed === 1 ? 'entry is' : 'entries are'} sealed in the chain` +
      (unsealed === 0
        ? '.'
        : `; ${unsealed} recent ${unsealed === 1 ? 'entry is' : 'entries are'} waiting to be sealed.`),
    verifyProblems: (n: number) =>
      n === 1 ? 'One problem was found in the log:' : `${n} problems were found in the log:`,
    problemAt: (seq: string, problem: string) => `Entry ${seq}: ${problem}`,
    tableCaption: 'Audit entries, newest first',
  },

  roles: {
    admin: 'Practice administrator',
    therapist: 'Therapist',
    supervisor: 'Supervisor',
    client: 'Client',
  } satisfies Record<Role, string>,

  roleArticle: {
    admin: 'a practice administrator',
    therapist: 'a therapist',
    supervisor: 'a supervisor',
    client: 'a client',
  } satisfies Record<Role, string>,

  personStatus: { active: 'Active', disabled: 'Disabled' } satisfies Record<PersonStatus, string>,

  invitationStatus: {
    pending: 'Waiting',
    accepted: 'Accepted',
    expired: 'Expired',
    revoked: 'Withdrawn',
  } satisfies Record<InvitationStatus, string>,

  outboxStatus: {
    pending: 'Queued',
    held: 'Held',
    sent: 'Sent',
    failed: 'Failed',
  } satisfies Record<OutboxStatus, string>,

  outcomes: { success: 'Succeeded', denied: 'Denied', failure: 'Failed' } as Record<string, string>,

  devices: {
    unknown: 'An unknown browser',
    on: (browser: string, os: string) => `${browser} on ${os}`,
  },
};

export type Strings = typeof en;
export const strings: Strings = en;
