/**
 * Every word of the journal's writing side (editors, saving, the free-association mode), in British
 * English. The person reading may be writing at 3 a.m. about something painful: plain, calm, never
 * hurried, never alarming, and always clear about whether their words are safe.
 */
import type { EntryKind } from '../../api/journal-types';

const grouped = (n: number) => n.toLocaleString('en-GB');
const plural = (n: number, one: string, many: string) => `${grouped(n)} ${n === 1 ? one : many}`;

/** The feelings offered for a dream, in the order shown. Stored as written here. */
export const DREAM_FEELINGS = [
  'fear',
  'anxiety',
  'sadness',
  'anger',
  'shame',
  'guilt',
  'joy',
  'relief',
  'longing',
  'confusion',
  'disgust',
  'surprise',
  'tenderness',
  'excitement',
] as const;

export const writeStrings = {
  kindTitle: {
    free_association: 'Free association',
    dream: 'A dream',
    reflection: 'A reflection',
    check_in: 'A check-in',
  } satisfies Record<EntryKind, string>,
  unknownKind: 'There is no kind of entry at this address. Go back to your journal to start a new one.',
  notFound:
    'This entry could not be found. It may have been deleted on another device. Go back to your journal to see your entries.',
  backToJournal: 'Back to your journal',
  done: 'Done',
  privateNote: 'Only you can see this unless you choose to share it.',

  save: {
    new: 'Saves as you write',
    saved: 'Saved',
    saving: 'Saving…',
    offline: 'Not saved yet — offline, will save when you’re back online',
    retrying: 'Not saved yet — will try again in a moment',
    refused: (message: string) => `Couldn’t save: ${message}`,
    tryAgain: 'Try again',
    sessionEnded:
      'your session has ended. Your words are still here: sign in again in another tab, then come back and press “Try again”.',
    backSaved: 'Saved. Everything you wrote is on the server.',
    stayUntilAccepted:
      'Your latest changes could not be saved (the reason is shown on this page), so you are still here. Once they save, you can leave.',
    stayUntilSaved:
      'Your latest words are not saved yet, so you are still here. They will save when the connection is back; then you can leave.',
  },

  conflict: {
    title: 'This entry was changed on another device',
    body: 'While you were writing here, the same entry was changed somewhere else. Nothing is lost: your version has been kept as a separate entry, and you are now editing that one.',
    seeOther: 'See the other version',
  },

  length: {
    count: (n: number, max: number) => `${grouped(n)} of ${grouped(max)} characters`,
    over: (max: number) =>
      `This entry is longer than one entry can hold (${grouped(max)} characters). Your latest changes are not being saved until it is shorter — you could move part of it into a new entry.`,
    problem: (max: number) => `this entry is longer than ${grouped(max)} characters.`,
  },

  leave: {
    title: 'Your latest words are not saved yet',
    body: 'If you leave now, what you wrote since the last save will be lost. If you stay, it will save as soon as the connection allows.',
    stay: 'Stay and keep writing',
    leave: 'Leave without saving',
  },

  free: {
    title: 'Free association',
    lead: 'Write whatever comes to mind, as it comes, without sorting or correcting it. Nothing here is judged, and only you can see it unless you choose to share it.',
    timerLegend: 'A timer, if you would like one',
    timerHint: 'It shows quietly in a corner, and you can keep going when it ends.',
    noTimer: 'No timer',
    minutes: (n: number) => `${n} minutes`,
    start: 'Start writing',
    label: 'Free association: write whatever comes to mind',
    words: (n: number) => plural(n, 'word', 'words'),
    minutesLeft: (n: number) => (n === 1 ? 'Under a minute left' : `About ${n} minutes left`),
    timeUp: 'Time’s up — keep going if you like',
    finish: 'Finish',
    finishHint: 'Finish, or press Escape, to leave the writing space.',
    needHelp: 'Need help?',
  },

  dream: {
    title: 'A dream',
    body: 'The dream',
    bodyHint: 'As much as you remember, in any order. Fragments are fine.',
    when: 'When',
    dreamtOn: 'Date',
    period: 'Night or nap',
    night: 'Night',
    nap: 'Nap',
    setting: 'Setting',
    settingHint: 'Where it took place, what it looked like.',
    people: 'People in it',
    feelings: 'Feelings on waking',
    feelingsHint: 'Choose any that fit, and how strong each was.',
    feeling: {
      fear: 'Fear',
      anxiety: 'Anxiety',
      sadness: 'Sadness',
      anger: 'Anger',
      shame: 'Shame',
      guilt: 'Guilt',
      joy: 'Joy',
      relief: 'Relief',
      longing: 'Longing',
      confusion: 'Confusion',
      disgust: 'Disgust',
      surprise: 'Surprise',
      tenderness: 'Tenderness',
      excitement: 'Excitement',
    } satisfies Record<(typeof DREAM_FEELINGS)[number], string>,
    intensity: (feeling: string) => `How strong: ${feeling}`,
    intensityHint: '1 is faint; 5 is overwhelming.',
    intensityFaint: 'Faint',
    intensityStrong: 'Overwhelming',
    otherFeeling: 'A feeling in your own words',
    addOther: 'Add a feeling in your own words',
    removeOther: (name: string) => (name ? `Remove “${name}”` : 'Remove this feeling'),
    otherUnnamed: 'this feeling',
    dayBefore: 'What happened the day before',
    associations: 'Associations',
    associationsHint: 'Whatever the dream brings to mind.',
    flags: 'About this dream',
    nightmare: 'It was a nightmare',
    lucid: 'I knew I was dreaming (lucid)',
    recurring: 'Recurring dream',
    recurringHint: 'If this dream repeats or continues an earlier one, choose it here.',
    recurringSummary: (n: number) =>
      n === 0 ? 'Choose earlier dreams' : `Choose earlier dreams (${grouped(n)} chosen)`,
    noEarlierDreams: 'You have no earlier dreams in your journal yet.',
    dreamDated: (date: string) => `Dream of ${date}`,
    untitledDream: 'A dream with no words yet',
    dreamsUnavailable: 'Your earlier dreams could not be loaded, so they cannot be chosen just now.',
  },

  reflection: {
    title: 'A reflection',
    body: 'Your reflection',
    bodyHint: 'Anything you want to think about or keep.',
    session: 'About a session',
    sessionHint: 'For example, something you thought of after it.',
    noSession: 'Not about a particular session',
    sessionsUnavailable: 'Your sessions could not be loaded, so this cannot be linked to one just now.',
    chosenBefore: 'The session chosen before',
  },

  checkIn: {
    title: 'A check-in',
    mood: 'How are you, from 0 to 10?',
    moodHint: '0 is as low as it gets; 10 is very good.',
    moodLow: 'As low as it gets',
    moodHigh: 'Very good',
    clearMood: 'Clear the number',
    words: 'A few words',
    wordsHint: 'What is going on for you right now.',
  },
};
