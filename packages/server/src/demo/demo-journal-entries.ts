import type { DreamCodeCorrection } from '@undercurrent/clinical';
import type { DreamDetails, EntryKind } from '../features/journal/journal-schemas.js';
import { DEMO_PATTERN_ENTRIES } from './demo-patterns.js';

/**
 * The words of the demo journals: what three invented clients wrote between sessions over a few
 * months. Plain, unhurried, the way people write for themselves; nothing here is from a real person.
 * Times are "days before the demo was seeded" at a wall-clock time; demo-journal.ts turns them into
 * instants, links reflections to the session before them, and makes the shares.
 */
export interface DemoEntry {
  key: string;
  kind: EntryKind;
  daysAgo: number;
  at: string;
  body: string;
  details?: DreamDetails;
  dreamPeriod?: 'night' | 'nap';
  nightmare?: boolean;
  mood?: number;
  timerMinutes?: 5 | 10 | 20;
  secondsSpent?: number;
  /** Keys of the earlier dreams this one recurs. */
  recurs?: string[];
  /** Reflections: linked to the session that ended last before this was written. */
  aboutSession?: boolean;
  tags?: string[];
  /** A dream's codes as the therapist corrected them (the dream must be shared). */
  codeCorrections?: DreamCodeCorrection[];
  share?: {
    /** Hours after writing. */
    afterHours: number;
    bringNext?: boolean;
    /** Days after sharing. */
    withdrawnAfterDays?: number;
    /** Whether the therapist has opened it. */
    read?: boolean;
  };
  /**
   * Written and marked to bring since the client's last session, whenever the demo is seeded: its
   * time is placed between that session and now, so it is on the therapist's list for the next one.
   */
  toBringNow?: boolean;
}

export interface DemoJournal {
  client: string;
  entries: DemoEntry[];
  notReady?: string[];
}

const feelings = (...pairs: [string, number][]) => pairs.map(([name, intensity]) => ({ name, intensity }));

const PRIYA: DemoJournal = {
  client: 'priya.nair',
  notReady: [
    'The year Ma was in hospital and nobody told me what was wrong. I was eleven. I know it is there. Not yet.',
  ],
  entries: [
    {
      key: 'first-check-in',
      kind: 'check_in',
      daysAgo: 76,
      at: '21:30',
      mood: 4,
      body: 'Tired, a bit shaky after the first meeting with Dr Mensah. Glad I went. Surprised how much I said.',
    },
    {
      key: 'first-sessions',
      kind: 'reflection',
      daysAgo: 66,
      at: '19:40',
      aboutSession: true,
      body:
        'I talked about work for forty minutes and about my mother for the last five, and she noticed. ' +
        'She didn’t make anything of it, just said it. On the bus I kept thinking about the five minutes. ' +
        'The quiet at the start is the hardest part. I fill it before it can settle.',
    },
    {
      key: 'sea-house-1',
      kind: 'dream',
      daysAgo: 63,
      at: '06:50',
      dreamPeriod: 'night',
      tags: ['the sea house'],
      share: { afterHours: 30, read: true },
      body:
        'I was in the house by the sea again, the one we rented when I was small, only bigger. I opened a ' +
        'door in the upstairs corridor and there was a whole room I had never seen, full of furniture under ' +
        'dust sheets. I wasn’t frightened exactly. I wanted to lift the sheets and didn’t.',
      details: {
        setting: 'A rented house by the sea, larger than in life. Grey light, late afternoon, the window shut.',
        people: 'Nobody at first. Then Ma’s voice from downstairs calling me for tea, though I never saw her.',
        feelings: feelings(['curious', 3], ['uneasy', 2], ['tender', 2]),
        dayBefore: 'A long day of calls. Ma rang in the evening and asked, again, when I would visit.',
        associations:
          'Dust sheets: the way we covered everything when we left a place. Rooms I haven’t been into. ' +
          'Last week Dr Mensah said something about parts of me I keep closed up, and I rolled my eyes inwardly.',
      },
    },
    {
      key: 'watch',
      kind: 'free_association',
      daysAgo: 58,
      at: '06:45',
      timerMinutes: 10,
      secondsSpent: 600,
      body:
        'train late again platform coffee smell the man with the yellow umbrella every morning, my father’s ' +
        'watch, he wound it every night at the kitchen table, the little click, I haven’t thought of that ' +
        'watch in years, where is it now, probably in Ma’s drawer with the passports, passports, leaving, ' +
        'the smell of the airport, being good on the plane so nobody looks at you, being good, being good',
    },
    {
      key: 'said-no',
      kind: 'check_in',
      daysAgo: 55,
      at: '22:05',
      mood: 5,
      body: 'Slept better. Said no to a Saturday meeting and the world did not end.',
    },
    {
      key: 'cancelling',
      kind: 'reflection',
      daysAgo: 47,
      at: '20:15',
      aboutSession: true,
      share: { afterHours: 2, bringNext: true, read: true },
      body:
        'I cancelled a session with almost a week’s notice and still felt as if I had done something wrong. Today ' +
        'we talked about why. Being the one who never causes trouble is expensive. I pay for it in advance, ' +
        'just in case.',
    },
    {
      key: 'ma',
      kind: 'free_association',
      daysAgo: 44,
      at: '23:50',
      timerMinutes: 20,
      secondsSpent: 1140,
      tags: ['family'],
      share: { afterHours: 9, withdrawnAfterDays: 2 },
      body:
        'I keep writing Ma and then deleting it. Ma. There. Her hands, the smell of coconut oil, the way she ' +
        'says my name when she is disappointed, which is a different name from the one she uses when she is ' +
        'pleased. I wanted her to be proud and I wanted her to leave me alone and I still want both.',
    },
    {
      key: 'sea-house-2',
      kind: 'dream',
      daysAgo: 36,
      at: '07:10',
      dreamPeriod: 'night',
      recurs: ['sea-house-1'],
      tags: ['the sea house'],
      share: { afterHours: 14, bringNext: true, read: true },
      body:
        'The sea house again. This time the room with the dust sheets was downstairs, where the kitchen ' +
        'should have been. I lifted one sheet: it was my old school desk, with my name carved into the lid, ' +
        'which I never did. I woke before I could look under the others.',
      details: {
        setting: 'The same house; the room had moved downstairs. Sea very loud, as if the windows were open.',
        people: 'No one. I had the feeling someone had just left the room.',
        feelings: feelings(['surprised', 3], ['sad', 2], ['relieved', 1]),
        dayBefore: 'Performance review. It went well. I felt like a fraud the whole time.',
        associations:
          'The desk: being good at school, never the one in trouble. A name carved into it, someone marking ' +
          'it as theirs. Me? I would never have dared.',
      },
    },
    {
      key: 'missed',
      kind: 'check_in',
      daysAgo: 30,
      at: '12:30',
      mood: 3,
      body: 'Missed my session. I just didn’t get up. I don’t want to think about what that means yet.',
    },
    {
      key: 'after-missing',
      kind: 'reflection',
      daysAgo: 27,
      at: '18:20',
      aboutSession: true,
      body:
        'We talked about the missed session. I expected her to be cross, or worse, kind in a tight way. She ' +
        'was curious, which was somehow harder. She asked what I imagined she did with the empty hour.',
    },
    {
      key: 'lift',
      kind: 'dream',
      daysAgo: 20,
      at: '17:45',
      dreamPeriod: 'nap',
      nightmare: true,
      tags: ['family'],
      body:
        'Dozed on the train home. I was in a lift that kept going past my floor, and the buttons were in a ' +
        'script I couldn’t read. Woke with my heart going.',
      details: {
        setting: 'A lift in an office building, mirrored walls, no numbers I could read.',
        people: 'A woman behind me I couldn’t see in the mirror.',
        feelings: feelings(['panic', 4], ['trapped', 3]),
        dayBefore: 'Two flights in three days.',
        associations:
          'Not being able to get off. Letters from home in Malayalam, which I stopped reading fluently years ago.',
      },
    },
    {
      key: 'five-minutes',
      kind: 'free_association',
      daysAgo: 14,
      at: '07:05',
      timerMinutes: 5,
      secondsSpent: 300,
      body:
        'five minutes only before the train, the canal, green water, the heron that stands so still it looks ' +
        'like a post, I would like to be able to stand that still, waiting without it being waiting',
    },
    {
      key: 'canal',
      kind: 'check_in',
      daysAgo: 10,
      at: '21:15',
      mood: 6,
      body: 'A good week. Walked home along the canal instead of taking the bus. Saw the heron.',
    },
    {
      key: 'the-watch-session',
      kind: 'reflection',
      daysAgo: 6,
      at: '19:05',
      aboutSession: true,
      share: { afterHours: 20 },
      body:
        'Something shifted when I told her about my father’s watch. I had thought it was a small thing. ' +
        'She was quiet for a long time and I let her be. I didn’t fill it. I noticed that I didn’t.',
    },
    {
      key: 'sea-house-3',
      kind: 'dream',
      daysAgo: 2,
      at: '06:40',
      dreamPeriod: 'night',
      recurs: ['sea-house-1', 'sea-house-2'],
      tags: ['the sea house', 'family'],
      toBringNow: true,
      body:
        'The sea house. All the dust sheets were off and the room was just a room, a bit shabby, with the ' +
        'window open. Ma was there, younger than I have ever known her, folding the sheets. She didn’t say ' +
        'anything. I helped her fold the last one.',
      details: {
        setting: 'The room from before, but ordinary now. Morning light, the window open onto the sea.',
        people: 'Ma, about thirty. Me, my age now.',
        feelings: feelings(['calm', 3], ['longing', 4], ['sad', 2]),
        dayBefore: 'Finally booked the flight to see Ma in the spring.',
        associations:
          'Folding saris with her, corner to corner, walking towards each other until our hands met. ' +
          'I want to talk about this one.',
      },
    },
    {
      key: 'latest-check-in',
      kind: 'check_in',
      daysAgo: 1,
      at: '22:30',
      mood: 5,
      body: 'Quiet day. Looking forward to the session, which is new.',
    },
    ...DEMO_PATTERN_ENTRIES,
  ],
};

const SOPHIE: DemoJournal = {
  client: 'sophie.turner',
  entries: [
    {
      key: 'right-kind',
      kind: 'reflection',
      daysAgo: 104,
      at: '21:00',
      aboutSession: true,
      body:
        'I kept asking Tom whether what I was saying was the right kind of thing to bring. He asked who ' +
        'decides what the right kind is. I didn’t have an answer and I was annoyed all the way home.',
    },
    {
      key: 'bakery',
      kind: 'dream',
      daysAgo: 80,
      at: '07:20',
      dreamPeriod: 'night',
      share: { afterHours: 40, read: true },
      body:
        'I was back at the bakery where I had a Saturday job at sixteen, and it was closing for good. ' +
        'Everyone was taking things home, trays, the bell over the door. I didn’t know what I was allowed to take.',
      details: {
        setting: 'The bakery on the high street, early morning, flour everywhere, shelves half empty.',
        people: 'Mrs Adair who owned it; people from school; my brother, who never worked there.',
        feelings: feelings(['anxious', 3], ['nostalgic', 3]),
        dayBefore: 'Tom mentioned the summer break for the first time.',
        associations: 'Endings where everyone else seems to know the rules. The bell: being noticed coming in.',
      },
    },
    {
      key: 'steady',
      kind: 'check_in',
      daysAgo: 60,
      at: '20:40',
      mood: 6,
      body: 'Steady. Rang my brother for the first time in months.',
    },
    {
      key: 'ten-minutes',
      kind: 'free_association',
      daysAgo: 40,
      at: '22:10',
      timerMinutes: 10,
      secondsSpent: 540,
      body:
        'Tuesday evenings, the walk up the hill, the room with the blue chair, what will Tuesdays be when ' +
        'this stops, just Tuesdays, the bakery bell again, why does that keep coming back, leaving before I am ' +
        'asked to leave',
    },
    {
      key: 'ending-date',
      kind: 'reflection',
      daysAgo: 20,
      at: '21:30',
      aboutSession: true,
      share: { afterHours: 1, read: true },
      body:
        'We agreed the ending date. I said it first, which surprised both of us. It feels right and it ' +
        'also feels like stepping off something that is still moving.',
    },
    {
      key: 'last-train',
      kind: 'dream',
      daysAgo: 8,
      at: '06:55',
      dreamPeriod: 'night',
      recurs: ['bakery'],
      share: { afterHours: 12 },
      body:
        'A last train, and I was on the platform with a paper bag from the bakery. I wasn’t anxious about ' +
        'missing it. I knew there would be another, in the morning.',
      details: {
        setting: 'A small country station at night, one lamp.',
        people: 'A guard who waved.',
        feelings: feelings(['calm', 3], ['sad', 2]),
        dayBefore: 'Counted the sessions left on the calendar.',
        associations: 'The bag: something I was allowed to take after all.',
      },
    },
    {
      key: 'counting',
      kind: 'check_in',
      daysAgo: 3,
      at: '22:00',
      mood: 5,
      body: 'Four sessions left. I keep counting.',
    },
  ],
};

const DANIEL: DemoJournal = {
  client: 'daniel.okoro',
  entries: [
    {
      key: 'online',
      kind: 'reflection',
      daysAgo: 34,
      at: '19:10',
      aboutSession: true,
      body: 'Strange to do this from my bedroom. Easier to talk; harder to leave it behind afterwards.',
    },
    {
      key: 'low',
      kind: 'check_in',
      daysAgo: 18,
      at: '23:10',
      mood: 3,
      body: 'Low. Didn’t go to football. Wrote this instead of nothing.',
    },
    {
      key: 'better',
      kind: 'check_in',
      daysAgo: 4,
      at: '20:00',
      mood: 6,
      body: 'Better. Half the course done.',
    },
  ],
};

export const DEMO_JOURNALS: readonly DemoJournal[] = [PRIYA, SOPHIE, DANIEL];
