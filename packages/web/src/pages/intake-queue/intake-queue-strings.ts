import type { Decision, IntakeStatus } from './intake-queue-types';

/** Every word of the practice's enquiry pages (the queue, the waiting list and one enquiry). */
export const iqStrings = {
  status: {
    new: 'New',
    same_day_review: 'Review today',
    requested: 'Consultation requested',
    waiting_list: 'Waiting list',
    accepted: 'Accepted',
    time_proposed: 'Another time proposed',
    referred_on: 'Referred on',
  } satisfies Record<IntakeStatus, string>,
  source: (source: string) => ({ website: 'Website', demo: 'Demo' })[source] ?? source,
  age: (hours: number) =>
    hours < 1
      ? 'less than an hour'
      : hours < 24
        ? `${Math.floor(hours)} ${Math.floor(hours) === 1 ? 'hour' : 'hours'}`
        : `${Math.floor(hours / 24)} ${Math.floor(hours / 24) === 1 ? 'day' : 'days'}`,

  queue: {
    title: 'Enquiries',
    lead: 'People who got in touch through the practice’s website: the queue, and the waiting list. Anyone who needs review today is always at the top.',
    urgentHeading: 'Review today',
    urgentLead:
      'These people answered the risk question in a way that needs a clinician today. They were shown crisis resources; contact them today. This is never a queue.',
    urgentNone: 'No one needs review today.',
    listHeading: 'Queue and waiting list',
    filterStatus: 'Show',
    filterWhose: 'Whose',
    open: 'Needing an answer',
    all: 'All enquiries',
    whoseAll: 'Everyone’s',
    whoseMine: 'Asked for me',
    none: 'No enquiries match.',
    waited: (age: string) => `Waiting ${age}`,
    received: (age: string) => `Received ${age} ago`,
    source: (source: string) => `Source: ${source}`,
    asked: (therapist: string, when: string) => `Asked for ${therapist}, ${when}`,
    booked: (therapist: string, when: string) => `Consultation with ${therapist}, ${when}`,
    open_: (name: string) => `Open ${name}’s enquiry`,
  },

  detail: {
    back: 'Back to enquiries',
    titleOf: (name: string) => `Enquiry from ${name}`,
    lead: (received: string, source: string) => `Received ${received} through the ${source.toLowerCase()}.`,
    urgent:
      'Review today. This person answered the risk question in a way that needs a clinician today and was shown crisis resources at once. Contact them today — by telephone if you can.',
    risk: 'Risk screen',
    riskUrgent: 'Urgent: flagged for same-day review.',
    riskNone: 'No urgent risk reported.',
    brings: 'What brings them',
    previousTherapy: 'Previous therapy',
    previousNone: 'Nothing written.',
    preferences: 'Preferences',
    formats: 'Format',
    days: 'Days',
    parts: 'Times of day',
    language: 'Language',
    gender: 'Therapist',
    fee: 'Fee up to',
    topics: 'What it is about',
    any: 'No preference',
    format: { in_person: 'In person', online: 'Online' },
    part: { morning: 'Mornings', afternoon: 'Afternoons', evening: 'Evenings' },
    gender_: { woman: 'A woman', man: 'A man' },
    weekday: ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
    contact: 'E-mail',
    consent: 'Consent',
    consentText: (when: string, notice: string) =>
      `Gave explicit consent to the practice holding this enquiry on ${when}, having been shown the ${notice}.`,
    request: 'Requested consultation',
    requestNone: 'No consultation requested.',
    consultation: 'Consultation booked',
    matches: 'Therapists ranked for them',
    matchesLead: 'As the person’s own page ranks them, with the reasons shown to them.',
    matchesNone: 'No published therapist to rank.',
    fits: 'Fits',
    doesNotFit: 'Does not fit',
    reply: 'The practice’s reply',
  },

  decide: {
    heading: 'Answer',
    choice: 'Your answer',
    option: {
      accept: 'Accept the consultation',
      propose: 'Propose another time',
      refer: 'Refer on',
    } satisfies Record<Decision, string>,
    hint: {
      accept: 'Books the consultation in your calendar and makes their client account.',
      propose: 'Frees the time they asked for; they choose again from the free times.',
      refer: 'Closes the enquiry with your message, for example about another service.',
    } satisfies Record<Decision, string>,
    message: 'Message to the person',
    messageHint: 'They read it on their private enquiry page, never in an e-mail.',
    messageRequired: 'Write a message to the person: it is what they will read.',
    receives: 'What they will receive',
    receivesMessage: 'Your message, on their private enquiry page.',
    receivesEmail: 'An e-mail saying the practice has replied (it holds none of your message).',
    receivesInvitation: (name: string) =>
      `An invitation e-mail to create their client account, as ${name}, valid for 7 days.`,
    receivesConsultation: (when: string) =>
      `The free consultation on ${when}, in your calendar and, once they sign in, on their sessions list.`,
    receivesPropose: 'The free times to choose from again.',
    send: 'Send the answer',
    sent: {
      accept: 'Accepted. The consultation is booked and the invitation is in the outbox.',
      propose: 'Sent. They will choose another time.',
      refer: 'Sent. The enquiry is closed.',
    } satisfies Record<Decision, string>,
    answered: 'This enquiry has been answered.',
    openClient: (name: string) => `Open ${name}’s page`,
    clientMade: (name: string) =>
      `${name} is a client of the practice now. They can sign in once they choose a password from the invitation e-mail.`,
    seeInvitations: 'See the invitations',
    onlyAsked: 'Only the therapist they asked for, or an administrator, can accept or propose another time.',
  },

  retention: {
    heading: 'How long enquiries are kept',
    sentence: (days: number) =>
      `Enquiries that did not become clients are deleted ${days} days after they were last answered, once the person’s private link has expired. An enquiry from someone waiting, or still owed an answer, is never deleted.`,
    label: 'Days to keep an enquiry after it was last answered',
    hint: 'From 30 to 3650. It applies to enquiries referred on, and to those offered another time that the person never took up. An accepted enquiry is a client’s record and is kept as records are.',
    invalid: 'Choose a whole number of days from 30 to 3650 (ten years).',
    save: 'Save the period',
    saved: 'Saved. The new period applies from now on.',
  },

  remove: {
    button: 'Delete this enquiry',
    title: 'Delete this enquiry?',
    body: (name: string) =>
      `Everything ${name} sent, the practice’s reply and the e-mails to them in the outbox are deleted. This cannot be undone. The audit log keeps only that an enquiry was deleted, when, by whom and why.`,
    reason: 'Why is it deleted?',
    reasons: {
      asked: 'They asked us to delete it',
      mistake: 'It was sent by mistake, or twice',
      not_genuine: 'It is not a real enquiry',
      not_needed: 'The practice has no reason to keep it',
    },
    reasonRequired: 'Choose why the enquiry is deleted.',
    confirm: 'Delete the enquiry',
    done: 'The enquiry is deleted.',
  },
};
