import type { DreamPeriod, EntryKind } from '../../api/journal-types';

/**
 * Every word of the therapist's side of the journal (what a client shared), in British English.
 * The link and badges on the frame's pages are in shared-nav-strings.ts (loaded with the frame).
 */
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export const sharedStrings = {
  kinds: {
    free_association: 'Free association',
    dream: 'Dream',
    reflection: 'Reflection',
    check_in: 'Check-in',
  } satisfies Record<EntryKind, string>,
  periods: { night: 'at night', nap: 'in a nap' } satisfies Record<DreamPeriod, string>,

  list: {
    title: (name: string) => (name ? `Shared by ${name}` : 'Shared journal entries'),
    titleUnread: (name: string, unread: number) =>
      `${name ? `Shared by ${name}` : 'Shared journal entries'} (${unread} unread)`,
    lead: 'The entries this client chose to share with you from their journal. Everything else they write stays private to them.',
    back: 'Back to the client',
    sinceHeading: 'Since the last session',
    lastSession: 'Last session',
    nextSession: 'Next session',
    noLastSession: 'None yet',
    noNextSession: 'None booked',
    toBringHeading: 'To bring to the next session',
    toBringEmpty: 'Nothing marked to bring to the next session.',
    alsoHeading: 'Also shared since the last session',
    alsoEmpty: 'Nothing else shared since the last session.',
    earlierHeading: 'Shared before the last session',
    nothingYet:
      'Nothing has been shared with you yet. When this client shares an entry from their journal, it appears here.',
    unread: 'Unread',
    read: 'Read',
    updated: 'Updated since you read it',
    toBring: 'To bring',
    shared: (when: string) => `Shared ${when}`,
    readOn: (when: string) => `read ${when}`,
    withdrawn: (shared: string, withdrawn: string) => `An entry shared on ${shared} was withdrawn on ${withdrawn}.`,
    limitNote: 'Only the 200 most recent shares are listed.',
  },

  /** How an entry is named in a list and as a page title: kind and when. */
  name: {
    dream: (date: string) => `Dream of ${date}`,
    written: (kind: string, date: string) => `${kind}, ${date}`,
  },

  entry: {
    titleFallback: 'Shared entry',
    titleWithdrawn: 'Entry withdrawn',
    back: 'Back to shared entries',
    sharedBy: (name: string, when: string) => (name ? `Shared by ${name} on ${when}.` : `Shared on ${when}.`),
    toBring: 'They would like to bring this to the next session.',
    facts: 'About this entry',
    written: 'Written',
    changed: 'Last changed',
    words: 'Words',
    dreamt: 'Dreamt',
    flags: 'Marked as',
    nightmare: 'Nightmare',
    lucid: 'Lucid',
    timeSpent: 'Time spent writing',
    timer: (minutes: number) => `with a ${minutes}-minute timer`,
    mood: 'Mood',
    moodOf: (mood: number) => `${mood} out of 10`,
    session: 'Written about',
    aSession: 'a session',
    textHeading: 'The entry',
    dreamHeading: 'The dream in detail',
    setting: 'Setting',
    people: 'People in it',
    feelings: 'Feelings on waking',
    feeling: (name: string, intensity: string) =>
      `${name.charAt(0).toLocaleUpperCase('en-GB')}${name.slice(1)}: ${intensity}`,
    intensity: {
      1: 'faint (1 of 5)',
      2: 'mild (2 of 5)',
      3: 'moderate (3 of 5)',
      4: 'strong (4 of 5)',
      5: 'overwhelming (5 of 5)',
    } as Record<number, string>,
    dayBefore: 'The day before',
    associations: 'Associations',
    recurs: 'Recurs from',
    recursHidden: (n: number) => `${plural(n, 'earlier dream', 'earlier dreams')} further back`,
    empty: 'No text.',
    unreadHeading: 'Read status',
    markUnread: 'Mark as unread',
    markedUnread: 'Marked as unread. It stays unread on your list until you open it again.',
    referenceHeading: 'Entry reference',
    referenceHint:
      'To refer to this entry from a session note, copy this link. It opens the entry for as long as the client keeps it shared with you.',
    referenceLabel: 'Link to this entry',
    entryId: 'Entry ID',
    copy: 'Copy link',
    copied: 'Link copied.',
    copyFailed: 'Could not copy here: the link is selected, so copy it with your keyboard or menu.',
  },

  minutes: (seconds: number) => {
    const minutes = Math.round(seconds / 60);
    if (seconds > 0 && minutes === 0) return 'under a minute';
    if (minutes < 60) return plural(minutes, 'minute', 'minutes');
    const hours = Math.floor(minutes / 60);
    const rest = minutes % 60;
    return rest
      ? `${plural(hours, 'hour', 'hours')} ${plural(rest, 'minute', 'minutes')}`
      : plural(hours, 'hour', 'hours');
  },
};
