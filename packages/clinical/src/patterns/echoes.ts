/**
 * Echoes: a figure from the past (mentioned near a childhood cue) whose profile of feelings and
 * interactions resembles a present figure's (e.g. father then ↔ boss now). The profile counts, per
 * feeling family and interaction kind, the sentences where the figure appears with it; the
 * resemblance is the cosine of the two profiles. An echo is a prompt for reflection, not a finding.
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

type Feature = `feeling:${EmotionFamily}` | `interaction:${InteractionKind}`;

const featuresOf = (fs: FigureSentence): Feature[] => [
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

function cosine(a: Map<Feature, number>, b: Map<Feature, number>): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  // Sorted, so the sums (and the result) do not depend on the order entries were folded in.
  for (const f of [...a.keys()].sort()) {
    const x = a.get(f)!;
    na += x * x;
    dot += x * (b.get(f) ?? 0);
  }
  for (const f of [...b.keys()].sort()) nb += b.get(f)! ** 2;
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}

/** `sentences`: `figureSentences(state)` when the caller has it already. */
export function echoes(state: PatternState, options: EchoOptions = {}, sentences?: readonly FigureSentence[]): Echo[] {
  const minSentences = options.minSentences ?? 2;
  const minSimilarity = options.minSimilarity ?? 0.6;
  const all = sentences ?? figureSentences(state);
  const past = profiles(all.filter((fs) => fs.past));
  const present = profiles(all.filter((fs) => !fs.past));
  const pairs: { p: Profile; q: Profile; similarity: number; id: string }[] = [];
  for (const p of past.values()) {
    if (p.sentences.length < minSentences) continue;
    for (const q of present.values()) {
      if (q.figure === p.figure || q.sentences.length < minSentences) continue;
      const similarity = cosine(p.vector, q.vector);
      if (similarity >= minSimilarity) pairs.push({ p, q, similarity, id: `${p.figure}~${q.figure}` });
    }
  }
  pairs.sort((a, b) => b.similarity - a.similarity || compareText(a.id, b.id));
  return pairs.slice(0, options.maxEchoes ?? 10).map(({ p, q, similarity }) => {
    {
      const shared = [...p.vector.keys()].filter((f) => q.vector.has(f)).sort();
      const cite = (profile: Profile) =>
        pickCitations(
          profile.sentences
            .filter((fs) => featuresOf(fs).some((f) => shared.includes(f)))
            .map((fs) => citationOf(fs.analysis, fs.sentence)),
          6,
        );
      // (only for the echoes returned, so a long record does not cite every pair)
      const pastLabel = figureLabel(p.figure);
      const presentLabel = figureLabel(q.figure);
      const words = shared.map(featureLabel);
      return {
        id: `${p.figure}~${q.figure}`,
        past: { figure: p.figure, label: pastLabel, sentences: p.sentences.length, citations: cite(p) },
        present: { figure: q.figure, label: presentLabel, sentences: q.sentences.length, citations: cite(q) },
        similarity,
        shared: words,
        how:
          `${pastLabel} in memories of the past (${plural(p.sentences.length, 'passage')}) and ${presentLabel} now ` +
          `(${plural(q.sentences.length, 'passage')}) both appear with ${words.join(', ')}; ` +
          `the feelings and actions around them match at ${Math.round(similarity * 100)}% (cosine of the counts). ` +
          `A resemblance in the words, offered for reflection.`,
      };
    }
  });
}
