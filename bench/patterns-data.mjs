// A deterministic synthetic client record for the pattern-aid benches: ten years of material —
// 1,000 session notes, 3,000 journal entries, 500 dreams and 150 countertransference notes — in
// readable first-person English built from templates and a varied vocabulary (not word salad), with
// arcs a therapist would notice: a critical father in childhood memories and a critical boss in the
// present, themes that rise and fade (a job search, a garden, a move), the therapist and the breaks.
// The same seed gives the same record on every run. Needs `npm run build` (nothing from it here).

/** mulberry32: a small seeded PRNG, so the record is the same on every run. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIGURES_NOW = [
  'my boss',
  'my boss',
  'my partner',
  'my sister',
  'my mother',
  'my friend Priya',
  'a colleague',
  'my neighbour',
  'my daughter',
];
const FIGURES_THEN = [
  'my father',
  'my father',
  'my mother',
  'my brother',
  'my grandmother',
  'my grandmother',
  'a teacher',
];
const FEELINGS = [
  'angry',
  'anxious',
  'sad',
  'confused',
  'relieved',
  'ashamed',
  'guilty',
  'lonely',
  'hopeful',
  'irritated',
  'calm',
  'embarrassed',
  'jealous',
  'tender',
  'furious',
  'worried',
];
const CRITICAL = ['criticised', 'ignored', 'shouted at', 'dismissed', 'corrected', 'blamed'];
const WARM = ['helped', 'comforted', 'reassured', 'hugged', 'thanked', 'listened to'];
const PLACES = [
  'the kitchen',
  'the car',
  'the office',
  'the park',
  'the station',
  'the supermarket',
  'the bus',
  'the café on the corner',
  'the stairs',
];
const ACTIVITIES = [
  'cooked a proper dinner',
  'went for a run',
  'read on the sofa',
  'tidied the spare room',
  'watched an old film',
  'walked by the canal',
  'answered emails late',
  'rang the bank',
  'did the weekly shop',
  'sat in the bath for an hour',
];
const TIMES = [
  'This morning',
  'Tonight',
  'At lunch',
  'After work',
  'On the way home',
  'Earlier',
  'Before bed',
  'All afternoon',
];
const CHILDHOOD = [
  'When I was little',
  'As a child',
  'Growing up',
  'When I was eight',
  'At primary school',
  'Back then, at my parents\u2019 house',
];
const DREAM_SETTINGS = [
  'a house with too many rooms',
  'a school corridor',
  'a station at night',
  'a flooded street',
  'my old bedroom',
  'a hotel by the sea',
  'a hospital waiting room',
  'a forest path',
];
const DREAM_EVENTS = [
  'I was looking for a door that kept moving',
  'someone was calling my name',
  'the floor turned to water',
  'I was late for an exam',
  'I could not find my shoes',
  'a dog followed me everywhere',
  'the lights went out one by one',
  'I was carrying a heavy suitcase',
];
// Themes with the years they are most active in (0-based within the ten years).
const THEMES = [
  {
    from: 1,
    to: 4,
    sentences: [
      'I had another job interview and came away unsure.',
      'The job search is wearing me down.',
      'I rewrote my CV again and sent off three applications.',
    ],
  },
  {
    from: 5,
    to: 9,
    sentences: [
      'I spent an hour in the garden pulling up weeds.',
      'The roses in the garden are finally coming back.',
      'Planting bulbs in the garden felt like a promise.',
    ],
  },
  {
    from: 3,
    to: 5,
    sentences: [
      'The boxes for the move are still in the hall.',
      'I keep thinking about the move and the new flat.',
      'Packing up the old flat stirred up a lot.',
    ],
  },
  {
    from: 0,
    to: 9,
    sentences: [
      'I slept badly again.',
      'Sleep has been patchy all week.',
      'I woke at four and could not get back to sleep.',
    ],
  },
];

const pick = (r, list) => list[Math.floor(r() * list.length)];

// How each figure tends to be written about, so the record has the structure a therapist would see:
// the father of childhood memories and the boss of today criticise and leave the writer angry or
// ashamed; the grandmother then and the partner now comfort. Others are mixed.
const HARSH_FEELINGS = ['angry', 'ashamed', 'anxious', 'furious', 'embarrassed', 'worried'];
const WARM_FEELINGS = ['relieved', 'calm', 'tender', 'hopeful', 'happy', 'grateful'];
const PROFILES = {
  'my father': 'harsh',
  Dad: 'harsh',
  'my boss': 'harsh',
  'my grandmother': 'warm',
  'my partner': 'warm',
  'my friend Priya': 'warm',
};
function encounter(r, figure) {
  const profile = PROFILES[figure];
  const harsh = profile === 'harsh' ? r() < 0.85 : profile === 'warm' ? r() < 0.15 : r() < 0.5;
  return harsh ? [pick(r, CRITICAL), pick(r, HARSH_FEELINGS)] : [pick(r, WARM), pick(r, WARM_FEELINGS)];
}
const cap = (s) => s.charAt(0).toUpperCase() + s.slice(1);

function journalSentence(r, year) {
  const k = r();
  if (k < 0.18) {
    const figure = pick(r, FIGURES_NOW);
    const [act, feeling] = encounter(r, figure);
    return `${pick(r, TIMES)} ${figure} ${act} me and I felt ${feeling}.`;
  }
  if (k < 0.3) {
    const figure = pick(r, FIGURES_NOW);
    const [act, feeling] = encounter(r, figure);
    return `${pick(r, TIMES)} ${figure} ${act} me, and I was ${feeling} afterwards.`;
  }
  if (k < 0.4) {
    const figure = pick(r, FIGURES_THEN);
    const [act, feeling] = encounter(r, figure);
    return `${pick(r, CHILDHOOD)}, ${figure} ${act} me and I felt ${feeling}.`;
  }
  if (k < 0.55) return `${pick(r, TIMES)} I ${pick(r, ACTIVITIES)} and felt ${pick(r, FEELINGS)}.`;
  if (k < 0.65) return `I keep thinking about ${pick(r, PLACES)} and what ${pick(r, FIGURES_NOW)} said there.`;
  if (k < 0.72) return `I thought about my therapist and the next session, and felt ${pick(r, FEELINGS)}.`;
  if (k < 0.8) return `${cap(pick(r, FIGURES_NOW))} and I argued about money in ${pick(r, PLACES)}.`;
  const active = THEMES.filter((t) => year >= t.from && year <= t.to);
  return active.length > 0 ? pick(r, pick(r, active).sentences) : `${pick(r, TIMES)} I ${pick(r, ACTIVITIES)}.`;
}

function sessionNote(r) {
  const out = [];
  const n = 5 + Math.floor(r() * 6);
  for (let i = 0; i < n; i++) {
    const k = r();
    if (k < 0.3)
      out.push(`Client spoke about ${pick(r, FIGURES_NOW).replace('my ', 'their ')} and seemed ${pick(r, FEELINGS)}.`);
    else if (k < 0.5)
      out.push(
        `We returned to memories of ${pick(r, FIGURES_THEN).replace('my ', 'their ')} and how it felt to be ${pick(r, CRITICAL)}.`,
      );
    else if (k < 0.65)
      out.push(
        `Client wondered whether I would be ${pick(r, ['disappointed', 'bored', 'angry', 'pleased'])} with them.`,
      );
    else if (k < 0.8)
      out.push(`Long silence after talking about ${pick(r, PLACES)}; client looked ${pick(r, FEELINGS)}.`);
    else
      out.push(
        `Agreed to keep noticing what happens before the ${pick(r, ['arguments', 'bad nights', 'silences', 'phone calls'])}.`,
      );
  }
  return out.join(' ');
}

function dream(r) {
  const out = [`I was in ${pick(r, DREAM_SETTINGS)} and ${pick(r, DREAM_EVENTS)}.`];
  const n = 3 + Math.floor(r() * 4);
  for (let i = 0; i < n; i++) {
    const k = r();
    if (k < 0.3) out.push(`${cap(pick(r, FIGURES_THEN))} was there and ${pick(r, CRITICAL)} me.`);
    else if (k < 0.45) out.push(`My therapist appeared in ${pick(r, DREAM_SETTINGS)} and would not look at me.`);
    else if (k < 0.7) out.push(`Then ${pick(r, DREAM_EVENTS)}, and I felt ${pick(r, FEELINGS)}.`);
    else out.push(`I woke up ${pick(r, FEELINGS)} and lay still for a long time.`);
  }
  return out.join(' ');
}

function countertransference(r) {
  return [
    `Felt ${pick(r, ['protective', 'irritated', 'sleepy', 'moved', 'pushed away', 'admired'])} during the session.`,
    `Noticed an urge to ${pick(r, ['reassure', 'rescue', 'challenge', 'withdraw'])} when the client talked about ${pick(r, FIGURES_NOW).replace('my ', 'their ')}.`,
  ].join(' ');
}

const DAY = 86_400_000;
const START = Date.UTC(2016, 0, 4);
const YEARS = 10;
const iso = (ms) => new Date(ms).toISOString().slice(0, 10);

/**
 * The record, sorted by date: [{ id, kind, date, text, source }]. Counts can be scaled for a smaller
 * run; the defaults are the ten-year record.
 */
export function syntheticRecord({
  seed = 7,
  sessionNotes = 1000,
  journal = 3000,
  dreams = 500,
  countertransferenceNotes = 150,
} = {}) {
  const r = rng(seed);
  const span = YEARS * 365 * DAY;
  const entries = [];
  const add = (kind, count, make, source) => {
    for (let i = 0; i < count; i++) {
      const at = START + Math.floor(((i + r()) / count) * span);
      const year = Math.floor((at - START) / (365 * DAY));
      entries.push({
        id: `${kind}-${i}`,
        kind,
        date: iso(at),
        text: make(year),
        source: typeof source === 'function' ? source() : source,
      });
    }
  };
  add('session_note', sessionNotes, () => sessionNote(r), 'therapist');
  add(
    'journal',
    journal,
    (year) => {
      const n = 4 + Math.floor(r() * 7);
      return Array.from({ length: n }, () => journalSentence(r, year)).join(' ');
    },
    () => (r() < 0.6 ? 'shared' : 'private'),
  );
  add(
    'dream',
    dreams,
    () => dream(r),
    () => (r() < 0.7 ? 'shared' : 'private'),
  );
  add('countertransference', countertransferenceNotes, () => countertransference(r), 'therapist');
  return entries.sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
}
