import type { CalendarFeedWords } from '../../components/calendar-feeds/CalendarFeedLinks';
/**
 * Every word of the client's sessions area (the lazily loaded `pages/portal` chunk), in British
 * English: plain and calm. A person in therapy reads these; nothing here should alarm or hurry.
 */
import type { AppointmentKind, LedgerKind } from '../../api/frame-types';
import { formatIsoDate, zoneLabel } from '../../lib/frame-format';
import type { AbsenceProblem, NoticeSpan, SessionWhen } from './portal-format';
import { noticeSpan } from './portal-format';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "26 March 2027": a date without its weekday, for running text. */
function dayMonthYear(date: string): string {
  return formatIsoDate(date).replace(/^\S+ /, '');
}

function spanText(span: NoticeSpan): string {
  switch (span.unit) {
    case 'weeks':
      return span.count === 1 ? 'a week’s notice' : `${span.count} weeks’ notice`;
    case 'days':
      return span.count === 1 ? 'a day’s notice' : `${span.count} days’ notice`;
    case 'hours':
      return span.count === 1 ? 'an hour’s notice' : `${span.count} hours’ notice`;
    default:
      return 'less than an hour’s notice';
  }
}

export const portalStrings = {
  subnav: 'Your sessions',
  navSessions: 'Sessions',
  navAway: 'Time away',
  navCharges: 'Charges',

  sessions: {
    title: 'Your sessions',
    lead: 'The times you and your therapist have agreed, and anything that changes them.',
    nextHeading: 'Your next session',
    today: 'Today',
    tomorrow: 'Tomorrow',
    inDays: (n: number) => `In ${n} days`,
    upcomingHeading: 'Coming up',
    upcomingLabel: 'Sessions coming up',
    noneUpcoming: 'No sessions are booked yet. When you and your therapist agree your times, they will appear here.',
    noneUpcomingMore: 'No other sessions are booked yet.',
    ended: (endingDate: string | null) =>
      endingDate
        ? `Your work together ended on ${dayMonthYear(endingDate)}, so no sessions are booked.`
        : 'Your work together has ended, so no sessions are booked.',
    // The list holds sessions cancelled for a break too, so the count is of everything coming up.
    showAll: (n: number) => `Show all ${n} sessions coming up`,
    showFewer: 'Show only the next four weeks',
    recentHeading: 'Recent sessions',
    recentLabel: 'Recent sessions',
    with: (name: string) => `With ${name}`,
    online: 'Online',
    at: (place: string, address: string | null) => (address ? `${place}, ${address}` : place),
    thereTime: (there: NonNullable<SessionWhen['there']>) =>
      `${there.day ? `${there.day}, ` : ''}${there.time} ${zoneLabel(there.zone)}`,
    /** "09:00–09:50" or "09:00–09:50 your time (14:00 London time)". */
    timeLine: (when: SessionWhen) =>
      when.there
        ? `${when.time}–${when.endTime} your time (${portalStrings.sessions.thereTime(when.there)})`
        : `${when.time}–${when.endTime}`,
    kind: {
      consultation: 'Consultation',
      assessment: 'Assessment',
      session: 'Session',
      review: 'Review session',
    } satisfies Record<AppointmentKind, string>,
    numbered: (n: number) => `Session ${n}`,
    moveRequested: 'You asked to move this',
    moveDeclined: (reply: string | null) =>
      reply
        ? `Your therapist replied to your request to move this session: “${reply}”`
        : 'Your therapist could not move this session, so it stays at its usual time.',
    cancelledByTherapist: 'Cancelled by your therapist',
    cancelledForBreak: (title: string) => `Cancelled: ${title}`,
    cancelledByYou: 'Cancelled by you',
    cancelledLate: 'Cancelled at short notice',
    moved: 'Moved',
    attended: 'Attended',
    didNotAttend: 'Missed',
    toldAhead: (minutes: number) => `You were given ${spanText(noticeSpan(minutes))}.`,
    paused: (name: string) =>
      `Your sessions with ${name} are paused for now. Your therapist will agree with you when they start again.`,
    remainingEnding: (n: number, endingDate: string) =>
      n === 0
        ? `No sessions are left before we finish on ${dayMonthYear(endingDate)}.`
        : `${plural(n, 'session', 'sessions')} before we finish on ${dayMonthYear(endingDate)}.`,
    remainingBrief: (n: number, of: number) =>
      n === 0 ? `All ${of} of your sessions have been held.` : `${plural(n, 'session', 'sessions')} to come, of ${of}.`,
    actionsFor: (day: string) => `Actions for ${day}`,
    addToCalendar: 'Add to calendar',
    addToCalendarFor: (day: string) => `Add to calendar: ${day}`,
    cancel: 'Cancel',
    cancelFor: (day: string) => `Cancel: ${day}`,
    move: 'Ask to move',
    moveFor: (day: string) => `Ask to move: ${day}`,
  },

  breaks: {
    heading: 'Breaks ahead',
    label: 'Breaks ahead',
    none: 'No breaks are planned.',
    therapistBreak: (name: string | null) => (name ? `${name} is away` : 'Your therapist is away'),
    practiceBreak: 'The practice is closed',
    bankHoliday: 'Bank holiday',
    dates: (startsOn: string, endsOn: string) =>
      startsOn === endsOn ? formatIsoDate(startsOn) : `${formatIsoDate(startsOn)} to ${formatIsoDate(endsOn)}`,
    notice: (days: number, toldOn: string) =>
      `Made known on ${dayMonthYear(toldOn)}: ${spanText(noticeSpan(days * 24 * 60))}.`,
    cancels: (n: number) =>
      n === 0
        ? 'None of your sessions fall in it.'
        : `${plural(n, 'of your sessions falls', 'of your sessions fall')} in it and will not take place. You will not be charged for ${n === 1 ? 'it' : 'them'}.`,
  },

  cancel: {
    title: 'Cancel this session?',
    checking: 'Checking whether a charge applies…',
    when: (day: string, time: string) => `${day}, ${time}`,
    chargeLabel: 'Charge',
    noCharge: 'No charge',
    confirm: 'Cancel the session',
    keep: 'Keep the session',
    done: (day: string, amount: string | null) =>
      amount
        ? `Your session on ${day} is cancelled. A charge of ${amount} has been added to your charges.`
        : `Your session on ${day} is cancelled. There is no charge.`,
  },

  move: {
    title: 'Ask to move this session',
    lead: (name: string) =>
      `Your request goes to ${name}. The session stays as it is unless they move it, and they will let you know either way.`,
    message: 'Your message',
    messageHint: 'For example, which days and times would suit you instead.',
    messageRequired: 'Write a few words for your therapist.',
    send: 'Send request',
    close: 'Close',
    done: (day: string) => `Your request to move the session on ${day} has been sent.`,
  },

  calendar: {
    heading: 'Add your sessions to your calendar',
    lead: 'Each session has an “Add to calendar” link. Or subscribe once: your calendar app then keeps up with every change, including breaks and cancellations.',
    note: 'Sessions show in your calendar as “Session with” your therapist’s name, with the time and place, and nothing else.',
    listLabel: 'Your subscription links',
    empty: 'You have no subscription links.',
    create: 'Create a subscription link',
    createdHeading: 'Your subscription link is ready.',
    createdLead:
      'Copy it into your calendar app (often under “Add calendar” › “From URL” or “Subscribe”). It is shown only this once. Anyone with it can see your session times, so keep it to yourself.',
    urlLabel: 'Subscription link',
    copy: 'Copy link',
    copied: 'Copied to the clipboard.',
    copyFailed: 'Copying was not allowed here; select the link and copy it by hand.',
    done: 'Done',
    created: (when: string) => `Link created ${when}`,
    lastUsed: (when: string) => `last used by a calendar ${when}`,
    neverUsed: 'not used yet',
    revoke: 'Turn off',
    revokeLabel: (when: string) => `Turn off the link created ${when}`,
    revokeTitle: 'Turn off this subscription link?',
    revokeBody: 'Calendars subscribed with it will stop updating. You can create a new link at any time.',
    revoked: 'The link has been turned off.',
  } satisfies CalendarFeedWords,

  zone: {
    heading: 'Your time zone',
    current: (zone: string) => `Times on this page are shown in ${zoneLabel(zone)} (${zone}).`,
    guessed: 'This is the time zone of this device. Choose yours, so times are right wherever you read them.',
    label: 'Time zone',
    save: 'Save time zone',
    saved: (zone: string) => `Saved. Times are now shown in ${zoneLabel(zone)}.`,
  },

  away: {
    title: 'Time away',
    lead: 'If you know you will be away — a holiday, work, a hospital appointment — you can let your therapist know here. Sessions on those days are cancelled under your agreement, and you see any charge before you confirm.',
    formHeading: 'Tell your therapist about time away',
    startsOn: 'First day away',
    endsOn: 'Last day away',
    note: 'A note for your therapist',
    noteHint: 'If you would like to say why. Only your therapist sees it.',
    check: 'Check which sessions this affects',
    checking: 'Checking your sessions…',
    problems: {
      startMissing: 'Choose your first day away.',
      startPast: 'Choose a first day from today onwards.',
      endMissing: 'Choose your last day away.',
      endBeforeStart: 'Choose a last day on or after the first day.',
      tooLong: 'Choose a time away of less than a year. For longer, please talk with your therapist.',
    } satisfies Record<AbsenceProblem, string>,
    previewHeading: 'What this changes',
    previewNone: 'None of your sessions fall on these days. You can still record it, so your therapist knows.',
    previewSome: (n: number) => `${plural(n, 'session falls', 'sessions fall')} on these days and will be cancelled:`,
    affectedLabel: 'Sessions that will be cancelled',
    total: (amount: string) => `Total charge: ${amount}.`,
    noTotal: 'There is no charge.',
    confirm: 'Record this time away',
    changeDates: 'Change the dates',
    recorded: (n: number) =>
      n === 0
        ? 'Your time away is recorded.'
        : `Your time away is recorded and ${plural(n, 'session has', 'sessions have')} been cancelled.`,
    listHeading: 'Your time away',
    listLabel: 'Your time away',
    none: 'You have not recorded any time away.',
    started: 'Already begun, so it can no longer be removed here. Talk to your therapist if something has changed.',
    remove: 'Remove',
    removeFor: (dates: string) => `Remove: ${dates}`,
    removeTitle: 'Remove this time away?',
    removeBody:
      'The sessions it cancelled are booked again, if the times are still free, and any charges for them are taken off.',
    removed: (restored: number) =>
      restored === 0
        ? 'Your time away has been removed.'
        : `Your time away has been removed and ${plural(restored, 'session is', 'sessions are')} booked again.`,
  },

  charges: {
    title: 'Charges',
    lead: 'Session fees and any charges for missed or late-cancelled sessions, under the agreement you made with your therapist. If something looks wrong, talk to them: they can correct it.',
    balance: 'Balance',
    balanceNote: 'The total of the entries below.',
    tableCaption: 'Your charges, newest first',
    date: 'Date',
    session: 'Session',
    description: 'What for',
    amount: 'Amount',
    none: 'There are no charges yet.',
    noSession: '—',
    kind: {
      session_fee: 'Session fee',
      late_cancellation: 'Late cancellation',
      did_not_attend: 'Missed session',
      hour_is_yours: 'Reserved session',
      free_missed: 'Missed session (free)',
      reversal: 'Correction',
      adjustment: 'Adjustment',
    } satisfies Record<LedgerKind, string>,
  },
};

export type PortalStrings = typeof portalStrings;
