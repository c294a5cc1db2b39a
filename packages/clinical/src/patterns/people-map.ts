/**
 * The people map: the figures in the client's material (role terms and names, a name resolved to a
 * role when the client has said who it is: "my sister Anna"), how often they appear, with which
 * feelings and which interactions, over time — and whether each mention is set in the past
 * (a childhood cue in the sentence or the one before it).
 */
import type { PatternState } from './fold.js';
import { emotionLabel } from './lexicon/emotions.js';
import type { EmotionFamily } from './lexicon/emotions.js';
import { figureRoleByKey } from './lexicon/figures.js';
import { interactionLabel } from './lexicon/interactions.js';
import type { InteractionKind } from './lexicon/interactions.js';
import {
  CITATION_LIMIT,
  citationOf,
  compareText,
  countByMonth,
  latestRefs,
  monthName,
  plural,
  recordSpan,
  trendIn,
  trendWords,
} from './observations.js';
import type { RecordSpan, SentenceRef, Trend } from './observations.js';
import type { Citation, EntryAnalysis } from './types.js';

/** One figure in one sentence, with what the sentence holds. */
export interface FigureSentence {
  figure: string;
  analysis: EntryAnalysis;
  sentence: number;
  /** A childhood cue in this sentence or the one before it. */
  past: boolean;
  feelings: EmotionFamily[];
  interactions: { kind: InteractionKind; role: 'by' | 'to' | 'with' }[];
}

/** Names resolved to roles by what the client wrote ("my sister Anna"): the most frequent pairing wins. */
export function resolveAliases(state: PatternState): Map<string, string> {
  const votes = new Map<string, Map<string, number>>();
  for (const analysis of state.analyses.values()) {
    for (const { name, figure } of analysis.aliases) {
      const v = votes.get(name) ?? new Map<string, number>();
      v.set(figure, (v.get(figure) ?? 0) + 1);
      votes.set(name, v);
    }
  }
  const resolved = new Map<string, string>();
  for (const [name, v] of [...votes].sort(([a], [b]) => compareText(a, b))) {
    const [best] = [...v].sort(([a, x], [b, y]) => y - x || compareText(a, b));
    resolved.set(`name:${name}`, best![0]);
  }
  return resolved;
}

/** Every (figure, sentence) of the view, names resolved, each once. */
/**
 * Each analysis's figure sentences, kept between summaries while the names resolve the same way:
 * an analysis is immutable once folded, so a new entry only costs its own sentences.
 */
const perAnalysis = new WeakMap<EntryAnalysis, { aliasKey: string; list: FigureSentence[] }>();

/** One string per way the names resolve: equal keys, equal resolution. */
export const aliasKeyOf = (aliases: ReadonlyMap<string, string>) => [...aliases].map(([n, f]) => `${n}=${f}`).join('|');

/** One analysis's figure sentences under these aliases (cached while they resolve the same way). */
export function figureSentencesOf(
  analysis: EntryAnalysis,
  aliases: ReadonlyMap<string, string>,
  aliasKey: string,
): readonly FigureSentence[] {
  let cached = perAnalysis.get(analysis);
  if (!cached || cached.aliasKey !== aliasKey) {
    cached = { aliasKey, list: sentencesOf(analysis, aliases) };
    perAnalysis.set(analysis, cached);
  }
  return cached.list;
}

export function figureSentences(state: PatternState): FigureSentence[] {
  const aliases = resolveAliases(state);
  const aliasKey = aliasKeyOf(aliases);
  const out: FigureSentence[] = [];
  for (const analysis of state.analyses.values()) {
    for (const fs of figureSentencesOf(analysis, aliases, aliasKey)) out.push(fs);
  }
  return out;
}

function sentencesOf(analysis: EntryAnalysis, aliases: ReadonlyMap<string, string>): FigureSentence[] {
  const out: FigureSentence[] = [];
  {
    const cued = new Set(analysis.childhood.map((c) => c.sentence));
    const seen = new Set<string>();
    for (const mention of analysis.figures) {
      const figure = aliases.get(mention.figure) ?? mention.figure;
      const key = `${figure}#${mention.sentence}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const s = mention.sentence;
      const resolve = (p: string | undefined) => (p === undefined ? undefined : (aliases.get(p) ?? p));
      out.push({
        figure,
        analysis,
        sentence: s,
        past: cued.has(s) || cued.has(s - 1),
        feelings: [...new Set(analysis.feelings.filter((f) => f.sentence === s && !f.negated).map((f) => f.family))],
        interactions: analysis.interactions
          .filter((i) => i.sentence === s)
          .map((i) => ({
            kind: i.kind,
            role:
              resolve(i.agent) === figure
                ? ('by' as const)
                : resolve(i.target) === figure
                  ? ('to' as const)
                  : ('with' as const),
          })),
      });
    }
  }
  return out;
}

export interface CountWithCitations<K extends string> {
  id: K;
  label: string;
  /** Sentences where the figure appears with it. */
  sentences: number;
  entries: number;
}

export interface PersonInMap {
  /** Figure key: a role ("mother") or "name:anna" for a name not tied to a role. */
  figure: string;
  label: string;
  /** Names the client used for this figure. */
  names: string[];
  entries: number;
  sentences: number;
  /** Sentences set in the past (childhood cues). */
  pastSentences: number;
  firstSeen: string;
  lastSeen: string;
  byMonth: { month: string; count: number }[];
  trend: Trend;
  feelings: CountWithCitations<EmotionFamily>[];
  interactions: (CountWithCitations<InteractionKind> & { byFigure: number; toFigure: number })[];
  citations: Citation[];
  citationCount: number;
  how: string;
}

export function figureLabel(figure: string, names: readonly string[] = []): string {
  if (figure.startsWith('name:')) {
    const name = figure.slice(5);
    return name.charAt(0).toUpperCase() + name.slice(1);
  }
  const label = figureRoleByKey(figure)?.label ?? figure;
  return names.length > 0 ? `${label} (${names.map((n) => n.charAt(0).toUpperCase() + n.slice(1)).join(', ')})` : label;
}

export interface PeopleMapOptions {
  /** Fewest entries a figure must appear in to be shown; default 2. */
  minEntries?: number;
}

/** Names the client used for a figure (aliases resolved to it), sorted. */
export function namesOf(figure: string, aliases: ReadonlyMap<string, string>): string[] {
  return [...aliases]
    .filter(([, f]) => f === figure)
    .map(([n]) => n.slice(5))
    .sort();
}

/** The plain-words `how` of a person in the map. */
export function personHow(person: Omit<PersonInMap, 'how'>): string {
  const top = person.feelings[0];
  const topInteraction = person.interactions[0];
  return (
    `${person.label}: mentioned in ${plural(person.entries, 'entry', 'entries')} since ${monthName(person.firstSeen)}` +
    (top ? `; appears with ${top.label} in ${plural(top.entries, 'entry', 'entries')}` : '') +
    (topInteraction ? `; "${topInteraction.label}" in ${plural(topInteraction.entries, 'entry', 'entries')}` : '') +
    `; ${trendWords(person.trend)}. Counted from the words for this person and the feeling and action words in the same sentence.`
  );
}

/**
 * A figure's running tallies: its entries (with their dates and how many of its sentences each
 * holds), feelings and interactions (sentences, and entries with a count each so an entry can be taken
 * out again), sentences set in the past, and the latest sentences cited.
 */
export interface FigureTally {
  figure: string;
  entries: Map<string, { date: string; sentences: number }>;
  /** The entries' dates, sorted. */
  dates: string[];
  sentences: number;
  past: number;
  feelings: Map<EmotionFamily, { sentences: number; entries: Map<string, number> }>;
  interactions: Map<InteractionKind, { sentences: number; entries: Map<string, number>; by: number; to: number }>;
  /** The latest sentences, latest first (CITATION_LIMIT of them). */
  top: SentenceRef[];
}

export function emptyTally(figure: string): FigureTally {
  return {
    figure,
    entries: new Map(),
    dates: [],
    sentences: 0,
    past: 0,
    feelings: new Map(),
    interactions: new Map(),
    top: [],
  };
}

const countIn = (entries: Map<string, number>, id: string, by: number) => {
  const n = (entries.get(id) ?? 0) + by;
  if (n === 0) entries.delete(id);
  else entries.set(id, n);
};

/** Where `date` goes in sorted `dates` (after equal ones). */
function placeOf(dates: readonly string[], date: string): number {
  let lo = 0;
  let hi = dates.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (dates[mid]! <= date) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Adds (+1) or takes out (−1) one entry's sentences with the figure. Returns false when the tally can
 * no longer say which sentences are the latest (a cited one was taken out): rebuild its `top` then.
 */
export function tallyEntry(tally: FigureTally, list: readonly FigureSentence[], sign: 1 | -1): boolean {
  if (list.length === 0) return true;
  const { entryId, date } = list[0]!.analysis;
  if (sign === 1) {
    const known = tally.entries.get(entryId);
    if (known) known.sentences += list.length;
    else {
      tally.entries.set(entryId, { date, sentences: list.length });
      tally.dates.splice(placeOf(tally.dates, date), 0, date);
    }
  } else {
    const known = tally.entries.get(entryId);
    if (known) {
      known.sentences -= list.length;
      if (known.sentences <= 0) {
        tally.entries.delete(entryId);
        tally.dates.splice(placeOf(tally.dates, date) - 1, 1);
      }
    }
  }
  for (const l of list) {
    tally.sentences += sign;
    if (l.past) tally.past += sign;
    for (const f of l.feelings) {
      const t = tally.feelings.get(f) ?? { sentences: 0, entries: new Map<string, number>() };
      t.sentences += sign;
      countIn(t.entries, entryId, sign);
      if (t.sentences === 0) tally.feelings.delete(f);
      else tally.feelings.set(f, t);
    }
    for (const i of l.interactions) {
      const t = tally.interactions.get(i.kind) ?? { sentences: 0, entries: new Map<string, number>(), by: 0, to: 0 };
      t.sentences += sign;
      countIn(t.entries, entryId, sign);
      if (i.role === 'by') t.by += sign;
      if (i.role === 'to') t.to += sign;
      if (t.sentences === 0) tally.interactions.delete(i.kind);
      else tally.interactions.set(i.kind, t);
    }
  }
  if (sign === 1) {
    latestRefs(list, CITATION_LIMIT, tally.top);
    return true;
  }
  return !tally.top.some((r) => r.analysis.entryId === entryId);
}

/** The person in the map from a figure's tally, or null below `minEntries`. */
export function personOfTally(
  tally: FigureTally,
  names: string[],
  span: RecordSpan,
  minEntries: number,
): PersonInMap | null {
  if (tally.entries.size < minEntries) return null;
  const dates = tally.dates;
  const feelings = [...tally.feelings]
    .map(([id, t]) => ({ id, label: emotionLabel(id), sentences: t.sentences, entries: t.entries.size }))
    .sort((a, b) => b.entries - a.entries || b.sentences - a.sentences || compareText(a.id, b.id));
  const interactions = [...tally.interactions]
    .map(([id, t]) => ({
      id,
      label: interactionLabel(id),
      sentences: t.sentences,
      entries: t.entries.size,
      byFigure: t.by,
      toFigure: t.to,
    }))
    .sort((a, b) => b.entries - a.entries || b.sentences - a.sentences || compareText(a.id, b.id));
  const person: Omit<PersonInMap, 'how'> = {
    figure: tally.figure,
    label: figureLabel(tally.figure, names),
    names,
    entries: tally.entries.size,
    sentences: tally.sentences,
    pastSentences: tally.past,
    firstSeen: dates[0]!,
    lastSeen: dates[dates.length - 1]!,
    byMonth: countByMonth(dates),
    trend: trendIn(span, dates),
    feelings,
    interactions,
    citations: tally.top.map((r) => citationOf(r.analysis, r.sentence)),
    citationCount: tally.sentences,
  };
  return { ...person, how: personHow(person) };
}

/** One figure of the map from its sentences (in any order, grouped by entry), or null below `minEntries`. */
export function personOf(
  figure: string,
  list: readonly FigureSentence[],
  names: string[],
  allDates: readonly string[],
  minEntries: number,
): PersonInMap | null {
  const tally = emptyTally(figure);
  let from = 0;
  for (let i = 1; i <= list.length; i++) {
    if (i === list.length || list[i]!.analysis !== list[from]!.analysis) {
      tallyEntry(tally, list.slice(from, i), 1);
      from = i;
    }
  }
  return personOfTally(tally, names, recordSpan(allDates), minEntries);
}

/** Most entries first, then sentences, then figure key. */
export const byPresence = (a: PersonInMap, b: PersonInMap) =>
  b.entries - a.entries || b.sentences - a.sentences || compareText(a.figure, b.figure);

/** `sentences`: `figureSentences(state)` when the caller has it already. */
export function peopleMap(
  state: PatternState,
  options: PeopleMapOptions = {},
  sentences?: readonly FigureSentence[],
): PersonInMap[] {
  const minEntries = options.minEntries ?? 2;
  const aliases = resolveAliases(state);
  const byFigure = new Map<string, FigureSentence[]>();
  for (const fs of sentences ?? figureSentences(state)) {
    const list = byFigure.get(fs.figure) ?? [];
    list.push(fs);
    byFigure.set(fs.figure, list);
  }
  const allDates = [...state.analyses.values()].map((a) => a.date);
  const people: PersonInMap[] = [];
  for (const [figure, list] of byFigure) {
    const person = personOf(figure, list, namesOf(figure, aliases), allDates, minEntries);
    if (person) people.push(person);
  }
  return people.sort(byPresence);
}
