import type { GenderWanted, IntakeStatus, PartOfDay, RiskAnswer } from './intake-types';
import type { Format } from './site-types';

/** Words of the intake form and of the person's own enquiry page (en-GB). */
export const intakeStrings = {
  link: 'Ask about a first consultation',
  linkLead: 'A free first meeting to talk about what brings you and whether working together makes sense.',
  form: {
    title: 'Ask about a first consultation',
    lead: 'Tell us a little about yourself and what you are looking for. You do not need an account, and you do not need to have the right words. A first consultation is free and there is no obligation to continue.',
    keepHeading: 'What we keep, and why',
    keepWhat:
      'What you write here — your name, your e-mail address, what brings you, any therapy you have had, your preferences and your answer about your safety — is health information, which the law (UK GDPR) treats as special category data.',
    keepWhy:
      'The practice keeps it only to reply to you, to suggest which of its therapists might suit you, and to arrange a first consultation. It is stored encrypted on the practice’s own system, never sold or shared for marketing.',
    keepWho:
      'Only the practice’s therapists and administrator who answer enquiries can read it. Every time someone opens it, that is logged.',
    keepHowLong:
      'Your private link to your enquiry works for 60 days. If you become a client, your enquiry becomes part of your record and is kept as the privacy notice says; if you do not, the practice deletes it a set time after it last answered you (never while you are waiting for an answer), and you can ask for it to be deleted at any time.',
    privacyLink: 'Read the privacy notice',
    aboutYou: 'About you',
    name: 'Your name',
    nameHint: 'A first name is enough.',
    email: 'Your e-mail address',
    emailHint: 'We send a link to your enquiry here, and nothing else about it.',
    brings: 'What brings you to therapy?',
    bringsHint: 'A few words are enough. Write only what you are comfortable sharing.',
    topics: 'Is any of these part of it? (optional)',
    previous: 'Have you had therapy or counselling before?',
    previousHint: 'What it was, roughly when, and how it went, if you would like to say.',
    preferencesHeading: 'What would suit you',
    preferencesLead: 'Leave anything blank that does not matter to you.',
    formats: 'Where would you like to meet?',
    days: 'Which days could you come?',
    parts: 'At what time of day?',
    language: 'A language other than English you would like to speak in',
    languageHint: 'For example Welsh, Polish or Twi.',
    gender: 'Would you prefer a therapist of a particular gender?',
    genderOptions: { none: 'No preference', woman: 'A woman', man: 'A man' } satisfies Record<
      GenderWanted | 'none',
      string
    >,
    fee: 'The most you could pay for a session',
    feeHint: 'In pounds, for example 60. Lower fees may be possible: leave it blank and ask if you are unsure.',
    feeInvalid: 'Write the amount in pounds, like 60 or 45.50, or leave it blank.',
    riskHeading: 'Your safety',
    riskLegend:
      'Sometimes people who are struggling have thoughts of harming themselves or ending their life. Is that true for you at the moment?',
    riskOptions: {
      no: 'No',
      thoughts: 'I have these thoughts sometimes, but I am not planning to act on them',
      now: 'Yes, and I might act on them soon',
    } satisfies Record<RiskAnswer, string>,
    riskHint: 'There is no wrong answer. It helps us to know how soon to reply.',
    urgentLead:
      'Please do not wait for a reply from us. You deserve help now, and these services are there for you at any hour:',
    urgentAfter:
      'You can still send this form. If you do, the practice will see that you need a reply today, and will contact you today — you will not be put on a waiting list.',
    urgentHeading: 'Help you can reach now',
    consentLegend: 'Your agreement',
    consent:
      'I agree that the practice may keep what I have written here, as described above, to reply to me and arrange a first consultation.',
    required: (what: string) => `Please fill in ${what}.`,
    nameRequired: 'Please tell us your name (a first name is enough).',
    emailRequired: 'Please give an e-mail address we can reply to, like name@example.com.',
    bringsRequired: 'Please say a few words about what brings you.',
    riskRequired: 'Please choose an answer about your safety.',
    consentRequired:
      'Please tick the box to agree that the practice may keep what you write here to reply to you. Without it we cannot keep your enquiry.',
    tooLong: (max: number) => `Please keep this under ${max.toLocaleString('en-GB')} characters.`,
    problems: 'Some answers need another look. Each is marked beside its question.',
    honeypot: 'Leave this empty',
    send: 'Send my enquiry',
    sending: 'Sending your enquiry…',
  },
  formats: { in_person: 'In person', online: 'Online' } satisfies Record<Format, string>,
  days: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
  parts: { morning: 'Mornings', afternoon: 'Afternoons', evening: 'Evenings' } satisfies Record<PartOfDay, string>,
  topics: {
    Anxiety: 'Anxiety',
    Depression: 'Low mood or depression',
    Loss: 'Loss or bereavement',
    Relationships: 'Relationships',
    Trauma: 'Something frightening that happened',
    Work: 'Work or study',
    Identity: 'Who I am',
    Eating: 'Eating or my body',
  } as Record<string, string>,
  page: {
    title: 'Your enquiry',
    loading: 'Loading your enquiry…',
    sentHeading: 'Your enquiry has been sent',
    sent: 'Thank you. We have e-mailed you a link to this page; keep it to come back here, and keep it to yourself: the link is the only key to this page.',
    sameDaySent:
      'Because you told us you might act on thoughts of harming yourself soon, your enquiry is marked for review today. Someone from the practice will contact you today. Please do not wait for us if you are in danger: use the services below now.',
    practice: (name: string) => `Your enquiry to ${name}`,
    sentOn: (date: string) => `Sent on ${date}.`,
    consentOn: (date: string) =>
      `You agreed on ${date} that the practice may keep what you wrote to reply to you. You can ask for it to be deleted at any time.`,
    statusHeading: 'Where things stand',
    status: {
      new: 'The practice has your enquiry. You can choose a time for a free first consultation with one of the therapists below, or join the waiting list.',
      same_day_review:
        'Your enquiry is marked for review today. Someone from the practice will contact you today, so there is nothing to book here.',
      requested:
        'You have asked for a first consultation. The therapist will reply soon; you can still choose another time.',
      waiting_list:
        'You are on the waiting list. The practice will contact you when a place is free. You can still choose a time below if one suits you.',
      accepted: 'Your first consultation is agreed.',
      time_proposed:
        'The therapist cannot meet at the time you chose and has replied. Please choose another time below.',
      referred_on:
        'The practice has suggested a different service that may suit you better. Their message to you is below.',
    } satisfies Record<IntakeStatus, string>,
    requestedWith: (name: string, when: string) => `With ${name}, ${when}.`,
    messageHeading: 'The practice’s message to you',
    urgentHeading: 'If you need help now',
    matchesHeading: 'Therapists who might suit you',
    matchesLead:
      'Best fits first, from what you told us. Each says what fits and what does not; the most important thing is whether you feel you could talk to them.',
    noMatches: 'No therapist has a public profile at the moment. The practice will reply to you by e-mail.',
    fits: 'Fits',
    doesNotFit: 'Does not fit',
    profile: (name: string) => `Read about ${name}`,
    showTimes: (name: string) => `Free times with ${name}`,
    waitingHeading: 'None of these times?',
    waitingLead: 'You can join the waiting list instead. The practice will contact you when a place is free.',
    joinWaiting: 'Join the waiting list',
    joined: 'You are on the waiting list.',
    closed: 'This enquiry has been answered, so it cannot be changed here.',
    notFound: 'Enquiry not found',
  },
  slots: {
    legend: (name: string) => `Choose a time for a free first consultation with ${name}`,
    zone: (zone: string) => `Times are shown in your device’s time zone (${zone}).`,
    day: 'Day',
    times: 'Time',
    none: 'This therapist has no free times in the next three weeks. You can choose someone else or join the waiting list.',
    loading: 'Finding free times…',
    choose: 'Please choose a time first.',
    request: 'Ask for this time',
    requested: 'Your request has been sent.',
    count: (n: number) => `${n} free time${n === 1 ? '' : 's'}`,
  },
};
