/**
 * Echoes: a figure from the past (mentioned near a childhood cue) whose profile of feelings and
 * interactions resembles a present figure's (e.g. father then ↔ boss now). The profile counts, per
 * feeling family and interaction kind, the sentences where the figure appears with it; the
 * resemblance is the cosine of the two profiles' shares once the client's baseline (the shares over
 * all figures) is taken away. An echo is a prompt for reflection, not a finding.
 */
import type { PatternState } from './fold.js';
import { emotionLabel } from './lexicon/emotions.js';
import type { EmotionFamily } from './lexicon/emotions.js';
import { interactionLabel } from './lexicon/interactions.js';
import type { InteractionKind } from './lexicon/interactions.js';
import { citationOf, pickCitations, plural, compareText } from './observations.js';
import { figureLabel, figureSentences } from './people-map.js';
import type { FigureSentence } from './people-map.js';
import type { Citation } from './types.js';

export interface Echo {
  id: string;
  past: { figure: string; label: string; sentences: number; citations: Citation[] };
  present: { figure: string; label: string; sentences: number; citations: Citation[] };
  /** Cosine similarity of the two profiles, 0–1. */
  similarity: number;
  /** Feelings and interactions both profiles share, e.g. "anger", "criticise". */
  shared: string[];
  how: string;
}

export interface EchoOptions {
  /** Fewest profiled sentences on each side; default 2. */
  minSentences?: number;
  /** Lowest similarity reported; default 0.6. */
  minSimilarity?: number;
  /** Most echoes returned; default 10. */
  maxEchoes?: number;
}

export type Feature = `feeling:${EmotionFamily}` | `interaction:${InteractionKind}`;

export const featuresOf = (fs: FigureSentence): Feature[] => [
  ...fs.feelings.map((f) => `feeling:${f}` as const),
  ...fs.interactions.map((i) => `interaction:${i.kind}` as const),
];

const featureLabel = (f: Feature) =>
  f.startsWith('feeling:')
    ? emotionLabel(f.slice(8) as EmotionFamily)
    : interactionLabel(f.slice(12) as InteractionKind);

interface Profile {
  figure: string;
  vector: Map<Feature, number>;
  sentences: FigureSentence[];
}

/** A figure's profile as counts: per feature, the sentences with it; and the sentences with any feature. */
export interface ProfileCounts {
  figure: string;
  vector: ReadonlyMap<Feature, number>;
  sentences: number;
}

function profiles(list: readonly FigureSentence[]): Map<string, Profile> {
  const out = new Map<string, Profile>();
  for (const fs of list) {
    const features = featuresOf(fs);
    if (features.length === 0) continue;
    const p: Profile = out.get(fs.figure) ?? { figure: fs.figure, vector: new Map(), sentences: [] };
    for (const f of features) p.vector.set(f, (p.vector.get(f) ?? 0) + 1);
    p.sentences.push(fs);
    out.set(fs.figure, p);
  }
  return out;
}

/** Shares of each feature in a profile (they sum to 1). */
export function shares(v: ReadonlyMap<Feature, number>): Map<Feature, number> {
  let total = 0;
  for (const x of v.values()) total += x;
  return new Map([...v].map(([f, x]) => [f, x / total]));
}

/**
 * Cosine of two profiles after taking away the client's baseline (the shares over every figure):
 * two figures resemble each other when they stand out from the rest in the same way — more
 * criticism and shame than usual — not merely because both come with the common feelings.
 */
function centredCosine(
  a: ReadonlyMap<Feature, number>,
  b: ReadonlyMap<Feature, number>,
  baseline: ReadonlyMap<Feature, number>,
): number {
  const sa = shares(a);
  const sb = shares(b);
  let dot = 0;
  let na = 0;
  let nb = 0;
  // Sorted, so the sums (and the result) do not depend on the order entries were folded in.
  for (const f of [...baseline.keys()].sort()) {
    const base = baseline.get(f)!;
    const x = (sa.get(f) ?? 0) - base;
    const y = (sb.get(f) ?? 0) - base;
    dot += x * y;
    na += x * x;
    nb += y * y;
  }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}

/** `sentences`: `figureSentences(state)` when the caller has it already. */
export function echoes(state: PatternState, options: EchoOptions = {}, sentences?: readonly FigureSentence[]): Echo[] {
  const all = sentences ?? figureSentences(state);
  const baseline = shares(profiles(all.map((fs) => ({ ...fs, figure: '*' }))).get('*')?.vector ?? new Map());
  const past = profiles(all.filter((fs) => fs.past));
  const present = profiles(all.filter((fs) => !fs.past));
  const counts = (m: Map<string, Profile>) =>
    new Map([...m].map(([f, p]) => [f, { figure: f, vector: p.vector, sentences: p.sentences.length }]));
  return echoesFrom(
    counts(past),
    counts(present),
    baseline,
    options,
    (figure, isPast) => (isPast ? past : present).get(figure)!.sentences,
  );
}

/** The key of an echo side's citations in a `citeMemo`: the figure first, so a changed figure's are found. */
export const citeKey = (figure: string, past: boolean, shared: readonly Feature[]) =>
  `${figure}\u0000${past ? 'past' : 'present'}\u0000${shared.join(',')}`;

/**
 * Echoes from the past and present profiles and the client's baseline shares; `sentencesOf` gives a
 * profile's sentences (only asked for the echoes returned, for their citations).
 */
export function echoesFrom(
  past: ReadonlyMap<string, ProfileCounts>,
  present: ReadonlyMap<string, ProfileCounts>,
  baseline: ReadonlyMap<Feature, number>,
  options: EchoOptions,
  sentencesOf: (figure: string, past: boolean) => readonly FigureSentence[],
  /** Citations already picked, by figure, side and shared features (kept by a caller that knows when a figure changed). */
  citeMemo?: Map<string, Citation[]>,
): Echo[] {
  const minSentences = options.minSentences ?? 2;
  const minSimilarity = options.minSimilarity ?? 0.6;
  const pairs: { p: ProfileCounts; q: ProfileCounts; similarity: number; id: string }[] = [];
  for (const p of past.values()) {
    if (p.sentences < minSentences) continue;
    for (const q of present.values()) {
      if (q.figure === p.figure || q.sentences < minSentences) continue;
      const similarity = centredCosine(p.vector, q.vector, baseline);
      if (similarity >= minSimilarity) pairs.push({ p, q, similarity, id: `${p.figure}~${q.figure}` });
    }
  }
  pairs.sort((a, b) => b.similarity - a.similarity || compareText(a.id, b.id));
  return pairs.slice(0, options.maxEchoes ?? 10).map(({ p, q, similarity }) => {
    // What both have more of than the client's relationships in general.
    const sp = shares(p.vector);
    const sq = shares(q.vector);
    const above = (v: ReadonlyMap<Feature, number>, f: Feature) => (v.get(f) ?? 0) > (baseline.get(f) ?? 0);
    const shared = [...p.vector.keys()].filter((f) => above(sp, f) && above(sq, f)).sort();
    // (only for the echoes returned, so a long record does not cite every pair)
    const cite = (profile: ProfileCounts, isPast: boolean) => {
      const key = citeKey(profile.figure, isPast, shared);
      const known = citeMemo?.get(key);
      if (known) return known;
      const picked = pickCitations(
        sentencesOf(profile.figure, isPast)
          .filter((fs) => featuresOf(fs).some((f) => shared.includes(f)))
          .map((fs) => citationOf(fs.analysis, fs.sentence)),
        6,
      );
      citeMemo?.set(key, picked);
      return picked;
    };
    const pastLabel = figureLabel(p.figure);
    const presentLabel = figureLabel(q.figure);
    const words = shared.map(featureLabel);
    return {
      id: `${p.figure}~${q.figure}`,
      past: { figure: p.figure, label: pastLabel, sentences: p.sentences, citations: cite(p, true) },
      present: { figure: q.figure, label: presentLabel, sentences: q.sentences, citations: cite(q, false) },
      similarity,
      shared: words,
      how:
        `${pastLabel} in memories of the past (${plural(p.sentences, 'passage')}) and ${presentLabel} now ` +
        `(${plural(q.sentences, 'passage')}) both appear more than usual with ${words.join(', ')}; ` +
        `both stand out from the client's other relationships in the same way (similarity ${Math.round(similarity * 100)}%, cosine of the shares against the client's baseline). ` +
        `A resemblance in the words, offered for reflection.`,
    };
  });
}
