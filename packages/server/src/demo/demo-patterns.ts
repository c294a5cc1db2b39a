import type { DemoEntry } from './demo-journal-entries.js';

/**
 * A year of Priya's shared writing for the patterns tab (issue 7): reflections over twelve months in
 * which her boss at work and her father when she was a child are written about in the same way
 * (criticised, ignored, shouted at; ashamed, afraid, angry) — the echo the tab shows — while her
 * grandmother then and her partner now comfort and help her; and a dozen shared dreams for the dream
 * h-profile. Written as free writing (not about a session), so none is linked to one. Invented; nothing here is from a real person. Each is shared, most read.
 */
const REFLECTIONS: string[] = [
  'My boss criticised my report in front of the whole team and I felt ashamed. I said nothing and went red.',
  'When I was little my father criticised my homework at the kitchen table and I felt ashamed. I tried harder every night.',
  'The boss ignored me in the meeting again. I was angry and then afraid I had done something wrong.',
  'As a child my father ignored me when he came home from work. I was afraid to make any noise.',
  'My partner comforted me after the awful day and I felt loved. She made tea and listened.',
  'When I was small my grandmother comforted me when I cried and I felt safe and happy. She sang to me.',
  'My boss shouted at me about the deadline and I felt afraid, like a child again.',
  'Growing up, my father shouted at me when my marks were low and I was frightened. I hid in my room.',
  'My partner helped me with the presentation and praised it. I felt happy for once.',
  'As a child my grandmother helped me with my reading and praised me. I loved those evenings.',
  'My boss criticised me again today and I felt ashamed and angry with myself.',
  'When I was eight my father criticised the way I spoke to guests and I felt ashamed.',
  'The boss ignored me all week and I felt afraid and ashamed.',
  'In the session we talked about my boss and Dr Mensah wondered who else I waited for like that.',
  'My partner comforted me when I could not sleep. I felt loved and a little embarrassed.',
  'When I was little my father ignored me for days and I felt afraid and ashamed.',
  'My sister and I argued about Ma on the phone, then laughed about it. I felt close to her.',
  'I told Dr Mensah about my father and the watch. The session felt slow and warm.',
  'A friend helped me move the boxes and we had lunch. I was happy all afternoon.',
  'As a child my grandmother comforted me when Ma was away. I felt loved and safe with her.',
  'As a child my father criticised me for crying and I learned to be quiet.',
  'The boss criticised my plan in the meeting and I felt ashamed, then angry on the train home.',
  'I am noticing that I go quiet with my boss the way I went quiet with my father.',
  'My partner comforted me after the review. I felt happy that someone was on my side.',
  'My colleague argued with me about the budget and we sorted it out. I was a little annoyed, then relieved.',
  'My sister helped me choose a present for Ma. We were happy together.',
];

const DREAMS: {
  body: string;
  setting: string;
  people: string;
  feeling: string;
  codeCorrections?: DemoEntry['codeCorrections'];
}[] = [
  {
    body: 'I was at the office and my boss was shouting at me but no sound came out. I ran down the stairs.',
    setting: 'The office at night',
    people: 'My boss',
    feeling: 'afraid',
  },
  {
    body: 'My father and I were in a car by the sea. He was angry and would not talk to me.',
    setting: 'A car by the sea',
    people: 'My father',
    feeling: 'sad',
    // Dr Mensah's correction: the family car is a familiar setting, not an unfamiliar one.
    codeCorrections: [
      { action: 'change', id: 'c2', code: { category: 'setting', place: 'ambiguous', familiarity: 'familiar' } },
    ],
  },
  {
    body: 'I was in the house by the sea and my grandmother was cooking. She hugged me and I felt happy.',
    setting: 'The sea house kitchen',
    people: 'My grandmother',
    feeling: 'happy',
  },
  {
    body: 'A man chased me through a school corridor and I hid in a cupboard. I was frightened.',
    setting: 'A school corridor',
    people: 'A man I did not know',
    feeling: 'frightened',
  },
  {
    body: 'I was swimming in the sea with my partner. The water was warm and we laughed.',
    setting: 'The sea, summer',
    people: 'My partner',
    feeling: 'happy',
  },
  {
    body: 'My boss gave me an award on a stage and then took it back. Everyone was watching. I felt ashamed.',
    setting: 'A stage',
    people: 'My boss, the team',
    feeling: 'ashamed',
  },
  {
    body: 'I was lost in an airport and my mother was calling me but I could not find her.',
    setting: 'An airport',
    people: 'My mother',
    feeling: 'anxious',
  },
  {
    body: 'My father was winding his watch at the kitchen table. He looked at me and smiled.',
    setting: 'The kitchen at home',
    people: 'My father',
    feeling: 'tender',
  },
  {
    body: 'A dog attacked me in the street and a woman pulled it away. I woke up shaking.',
    setting: 'A street at dusk',
    people: 'A woman',
    feeling: 'afraid',
  },
  {
    body: 'I was late for an exam and the teacher shouted at me. I could not read the questions.',
    setting: 'A school hall',
    people: 'A teacher',
    feeling: 'anxious',
  },
  {
    body: 'My partner and I were painting a room blue. We talked and it was calm.',
    setting: 'A new flat',
    people: 'My partner',
    feeling: 'calm',
  },
  {
    body: 'I opened the door in the sea house and the room was empty and full of light. I felt peaceful.',
    setting: 'The sea house upstairs',
    people: 'Nobody',
    feeling: 'peaceful',
  },
];

/** Spread over the year before the demo's present, oldest first; each shared a day after writing. */
export const DEMO_PATTERN_ENTRIES: DemoEntry[] = [
  ...REFLECTIONS.map((body, i): DemoEntry => ({
    key: `year-reflection-${i + 1}`,
    kind: 'free_association',
    daysAgo: 360 - i * 14,
    at: '21:10',
    secondsSpent: 420,
    body,
    share: { afterHours: 20, read: true },
  })),
  ...DREAMS.map((dream, i): DemoEntry => ({
    key: `year-dream-${i + 1}`,
    kind: 'dream',
    daysAgo: 350 - i * 28,
    at: '07:05',
    dreamPeriod: 'night',
    body: dream.body,
    details: {
      setting: dream.setting,
      people: dream.people,
      feelings: [{ name: dream.feeling, intensity: 3 }],
      dayBefore: '',
      associations: '',
    },
    share: { afterHours: 26, read: true },
    ...(dream.codeCorrections ? { codeCorrections: dream.codeCorrections } : {}),
  })),
];
