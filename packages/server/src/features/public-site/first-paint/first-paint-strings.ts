import { HELP_PAGE_WORDS } from '@undercurrent/clinical';

/**
 * The words of the server-rendered first paint of the public pages (en-GB). They are the web app's
 * own (packages/web/src/strings.ts `shell`, packages/web/src/pages/site/site-strings.ts), so the page
 * does not change when the app takes over; keep the two in step. The help page's words are one object
 * in the clinical package that both use (`HELP_PAGE_WORDS`).
 */
export const firstPaintStrings = {
  lang: 'en-GB',
  product: 'Undercurrent',
  skipToContent: 'Skip to main content',
  needHelp: 'Need help now?',
  footer: 'Undercurrent · open-source software for psychodynamic practices',
  siteNav: 'The practice',
  home: 'Home',
  therapists: 'Our therapists',
  reflection: 'Is this right for me?',
  signIn: 'Sign in',
  signInNote: 'Clients and staff of the practice',
  crisisNote: 'If you are in danger or thinking of ending your life, do not wait for a reply from us:',
  contactHeading: 'Get in touch',
  contactEmail: 'E-mail',
  contactPhone: 'Telephone',
  contactAddress: 'Address',
  noContact: 'The practice has not published its contact details yet.',
  homeFallbackLead: 'The practice has not published its home page yet.',
  directoryLead:
    'Everyone here works psychodynamically. Choosing someone you feel you could talk to matters more than any list of qualifications: read a few profiles and see who you warm to.',
  directoryEmpty:
    'No therapist has a public profile at the moment. Please get in touch and we will tell you who has space.',
  directoryList: 'Therapists',
  approach: 'How I work',
  specialisms: 'What I often work with',
  training: 'Training',
  demoBanner: 'Demo practice',
  demoDetail: 'Everything here is invented. Please do not enter real client details.',
  enquire: 'Ask about a first consultation',
  enquireLead:
    'Tell us a little about yourself and what you are looking for. You do not need an account, and you do not need to have the right words. A first consultation is free and there is no obligation to continue.',
  reflectionLead:
    'Six short questions to help you think about whether psychodynamic therapy might suit you. This is not an assessment or a diagnosis, and there are no wrong answers.',
  help: HELP_PAGE_WORDS,
} as const;
