/**
 * The words of the crisis help page (`/help`, en-GB), shared by the web app's page and the server's
 * first paint of it, so the page says exactly the same before and after the app takes over.
 */
export const HELP_PAGE_WORDS = {
  title: 'Need help now?',
  lead: 'If you are in danger, or feel you might act on thoughts of harming yourself, please contact someone now. You do not need to sign in to use this page.',
  emergencyHeading: 'In an emergency',
  otherHeading: 'Someone to talk to',
  therapistNote:
    'If you are working with a therapist here, you can tell them how you are at your next contact — but if you need help now, please call first.',
  call: (name: string) => `Call ${name}`,
  text: (name: string) => `Text ${name}`,
  visit: (name: string) => `Visit the website of ${name}`,
  backToSignIn: 'Back to signing in',
} as const;
