/**
 * en-GB strings of the patterns tab and of the client's "My patterns". Calm, descriptive wording:
 * aids for reflection, never a diagnosis.
 */
import type { Trend } from './patterns-types';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Mar 2026" from "2026-03". */
export const monthLabel = (month: string) =>
  `${MONTHS[Number(month.slice(5, 7)) - 1] ?? month.slice(5, 7)} ${month.slice(0, 4)}`;

const trendWords: Record<Trend, string> = {
  rising: 'More often lately',
  fading: 'Less often lately',
  steady: 'About as often as before',
  'too-few': 'Too few entries to say',
};

export const patternsStrings = {
  title: 'Patterns',
  lead: 'What recurs in what your client shared with you and in your own notes — aids for reflection, each with the passages behind it.',
  back: 'Back to the client',
  empty: 'Nothing shared or noted yet, so there are no patterns to show.',
  span: (entries: number, first: string, last: string) => `${entries} passages, ${first} to ${last}.`,
  how: 'How this was found',
  passages: 'Passages',
  passage: (date: string, n: number) => `Passage of ${date}${n > 1 ? ` (${n})` : ''}`,
  chartNote: 'The table under the chart holds the same numbers.',
  trend: trendWords,
  themes: {
    heading: 'Themes over time',
    theme: 'Theme',
    entries: 'Entries',
    first: 'First seen',
    last: 'Last seen',
    trend: 'Trend',
    byMonth: 'Entries by month',
    monthCount: (month: string, count: number) => `${monthLabel(month)}: ${count}`,
    none: 'No theme recurs often enough yet.',
    chartTitle: 'Themes over time',
    chartDesc: (themes: number, first: string, last: string) =>
      `${themes} themes, one row each, from ${monthLabel(first)} to ${monthLabel(last)}. A larger dot means more entries that month. ▲ more often lately, ▼ less often lately.`,
    chartCut: (months: number) => `The chart shows the latest ${months} months; the table has every month.`,
    legend: '▲ more often lately · ▼ less often lately · larger dot: more entries that month',
  },
  people: {
    heading: 'The people map',
    person: 'Person',
    entries: 'Entries',
    sentences: 'Sentences',
    past: 'Sentences set in the past',
    feelings: 'Feelings alongside',
    interactions: 'What happens between them',
    none: 'No one is written about often enough yet.',
    chartTitle: 'The people map',
    chartDesc: (people: number) =>
      `${people} people, each a circle sized by the entries they appear in; the darker inner circle is the share of sentences set in the past. Under each name, the feeling and the interaction most often alongside.`,
    legend: 'Circle size: entries · darker centre: sentences set in the past',
  },
  echoes: {
    heading: 'Echoes',
    title: (past: string, present: string) => `${past} then ↔ ${present} now`,
    shared: (words: string) => `Both appear more than usual with: ${words}.`,
    past: 'Then',
    present: 'Now',
    similarity: 'Similarity',
    sharedHeading: 'Shared feelings and interactions',
    similarityValue: (s: number) => `${Math.round(s * 100)}%`,
    none: 'No echo stands out yet.',
    chartTitle: 'Echoes: a figure then and a figure now',
    chartDesc: (echoes: number) =>
      `${echoes} pairs, each a figure from the past on the left joined to a figure now on the right; a thicker line means the two are written about in a more similar way.`,
    tableCaption: 'Echoes and how similar each pair is',
  },
  transference: {
    heading: 'The therapy in the material',
    lead: 'Where your client’s shared writing and dreams mention you or the therapy, beside your countertransference notes, on one timeline. A mention is a place to look, not a judgement that transference is present.',
    date: 'Date',
    who: 'What',
    words: 'Words found',
    clientLane: 'Client mentions the therapy',
    therapistLane: 'Your countertransference note',
    kind: (kind: string, marker: string) =>
      marker === 'countertransference'
        ? 'Your countertransference note'
        : kind === 'dream'
          ? 'A dream mentions the therapy'
          : 'An entry mentions the therapy',
    none: 'Nothing mentions the therapy yet, and no countertransference note is written.',
    chartTitle: 'Timeline of the therapy in the material',
    chartDesc: (client: number, therapist: number, first: string, last: string) =>
      `${client} mentions of the therapy in the client’s material (upper row) and ${therapist} countertransference notes (lower row), from ${first} to ${last}.`,
    tableCaption: 'Mentions of the therapy and countertransference notes, by date',
  },
  odf: {
    heading: 'Defensive functioning',
    lead: 'The overall defensive functioning (ODF: the mean DMRS level, 1–7, of the defences you rated in your notes) and the level profile, over time. From your ratings only; nothing here is detected automatically.',
    overall: (odf: number, notes: number, defences: number) =>
      `Overall ODF ${odf.toFixed(2)} over ${notes} ${notes === 1 ? 'note' : 'notes'} and ${defences} rated ${defences === 1 ? 'defence' : 'defences'}.`,
    none: 'No defence rated in a note yet.',
    date: 'Note',
    openNote: (date: string) => `Note of ${date}`,
    odf: 'ODF',
    defences: 'Defences rated',
    trendTitle: 'ODF per rated note',
    trendDesc: (notes: number, first: string, last: string, from: string, to: string) =>
      `ODF from 1 to 7 over ${notes} rated notes, ${first} to ${last}: first ${from}, latest ${to}.`,
    trendCaption: 'ODF per rated note',
    profileHeading: 'Level profile',
    profileTitle: 'Share of rated defences at each DMRS level',
    profileDesc: (total: number) => `${total} rated defences, the share at each level from 7 (highest) to 1.`,
    profileCaption: 'Share of rated defences at each level',
    level: 'Level',
    levelName: (level: number, name: string) => `${level} · ${name}`,
    count: 'Defences',
    share: 'Share',
    percent: (share: number) => `${Math.round(share * 100)}%`,
  },
  ccrt: {
    heading: 'Relationship episodes (CCRT)',
    lead: 'Candidates are passages where someone does something to or with your client and they respond. Confirm the ones that are episodes and score them.',
    candidates: (shown: number, all: number) => `Candidates: the latest ${shown} of ${all}.`,
    candidate: (figure: string, interaction: string, date: string) => `${figure} — ${interaction} (${date})`,
    W: 'Wish',
    RO: 'Response of the other',
    RS: 'Response of the self',
    none: 'Not scored',
    confirm: 'Confirm and score',
    confirmed: 'Confirmed',
    summaryHeading: 'CCRT summary',
    scored: (n: number) => `${n} confirmed ${n === 1 ? 'episode' : 'episodes'}.`,
    fewEpisodes: 'The CCRT is read across about ten or more episodes; read this as tentative.',
    mostFrequent: 'Most frequent',
    nothingScored: 'No episode confirmed yet.',
  },
  dreams: {
    heading: 'Dreams: the h-profile',
    lead: (n: number, norm: string) =>
      `${n} shared dreams, coded by the Hall–Van de Castle system and compared with the norms for ${norm}.`,
    indicator: 'Indicator',
    value: 'This series',
    norm: 'Norm',
    h: "Cohen's h",
    count: (numerator: number, denominator: number) => `${numerator} of ${denominator}`,
    none: 'No shared dreams yet.',
    chart: 'Cohen’s h per indicator (bars right of the centre: more than the norm)',
    chartTitle: 'The dream h-profile',
    chartDesc: (n: number, norm: string) =>
      `Cohen’s h of each indicator in ${n} dreams against the norms for ${norm}: a bar to the right of the centre line means more than the norm, to the left less. Indicators without a base in these dreams have no bar.`,
    more: 'more than the norm →',
    less: '← less',
    dreamsPassages: 'The dreams',
  },
};

/** Where the client's own view says things differently (addressed to them, never about a "client"). */
export const ownPatternsStrings = {
  title: 'My patterns',
  lead: 'What recurs across everything you have written here — a mirror for your own reflection, not a judgement or a diagnosis.',
  switchLabel: 'Show my patterns',
  private:
    'Private to you. Your patterns are worked out only when you open this page, only for you, from all your entries — the ones you shared and the ones you kept private. No one at the practice, not your therapist and not an administrator, can see them.',
  off: 'My patterns is off. Nothing is worked out from your entries.',
  on: 'My patterns is on. You can turn it off at any time.',
  failed: 'The setting could not be changed. Please try again.',
  empty: 'You have not written anything yet, so there are no patterns to show.',
  span: (entries: number, first: string, last: string) => `${entries} entries, ${first} to ${last}.`,
  transference: {
    lead: 'Where your writing and dreams mention your therapist or the therapy. A mention is simply a place you may want to look again.',
    clientLane: 'You mention the therapy',
    none: 'Nothing you wrote mentions the therapy yet.',
    chartDesc: (mentions: number, first: string, last: string) =>
      `${mentions} mentions of the therapy in your writing and dreams, from ${first} to ${last}.`,
    kind: (kind: string) => (kind === 'dream' ? 'A dream mentions the therapy' : 'An entry mentions the therapy'),
  },
  dreamsLead: (n: number, norm: string) =>
    `${n} dreams, coded by the Hall–Van de Castle system and compared with the published norms for ${norm}.`,
};
