/**
 * CCRT candidates: relationship episodes found in the text — a figure, an interaction with them and
 * a response — offered to the therapist to confirm and score W / RO / RS with the practice's
 * clusters. The suggested clusters are only suggestions (the default clusters are unverified);
 * pervasiveness and the positive/negative balance come from confirmed episodes only
 * (`ccrtSummary`).
 */
import type { PatternState } from './fold.js';
import { emotionLabel } from './lexicon/emotions.js';
import type { EmotionFamily } from './lexicon/emotions.js';
import { interactionLabel } from './lexicon/interactions.js';
import type { InteractionKind } from './lexicon/interactions.js';
import { citationOf, compareText } from './observations.js';
import { figureLabel, resolveAliases } from './people-map.js';
import type { Citation, EntryAnalysis, FeelingMention, InteractionMention } from './types.js';

/** Suggested RO cluster (standard set ids) for what the other did. */
export const SUGGESTED_RO: Record<InteractionKind, string> = {
  help: 'ro-helpful',
  comfort: 'ro-understanding',
  praise: 'ro-likes-me',
  attack: 'ro-bad',
  criticise: 'ro-rejecting-opposing',
  ignore: 'ro-rejecting-opposing',
  leave: 'ro-rejecting-opposing',
  reject: 'ro-rejecting-opposing',
  control: 'ro-controlling',
  argue: 'ro-upset',
};

/** Suggested RS cluster for the writer's feeling. */
export const SUGGESTED_RS_FEELING: Record<EmotionFamily, string> = {
  anger: 'rs-oppose-hurt',
  fear: 'rs-anxious-ashamed',
  sadness: 'rs-disappointed-depressed',
  confusion: 'rs-helpless',
  happiness: 'rs-respected-accepted',
  shame: 'rs-anxious-ashamed',
  guilt: 'rs-anxious-ashamed',
  love: 'rs-respected-accepted',
  envy: 'rs-disappointed-depressed',
};

/** Suggested RS cluster for what the writer did back. */
export const SUGGESTED_RS_ACTION: Record<InteractionKind, string> = {
  help: 'rs-helpful',
  comfort: 'rs-helpful',
  praise: 'rs-helpful',
  attack: 'rs-oppose-hurt',
  criticise: 'rs-oppose-hurt',
  ignore: 'rs-unreceptive',
  leave: 'rs-unreceptive',
  reject: 'rs-unreceptive',
  control: 'rs-self-controlled-confident',
  argue: 'rs-oppose-hurt',
};

export interface CcrtCandidate {
  /** Stable: entry id and sentence index. */
  id: string;
  entryId: string;
  date: string;
  figure: string;
  figureLabel: string;
  /** What the other did (to the writer, or with them). */
  interaction: InteractionKind;
  response: { feeling: EmotionFamily } | { action: InteractionKind };
  suggested: { RO: string[]; RS: string[] };
  citations: Citation[];
  how: string;
}

export interface CcrtCandidateOptions {
  /** Most candidates returned, latest first; all when left out. */
  limit?: number;
}

/** A candidate with the sentence it starts at, so candidates sort without parsing ids. */
export interface PlacedCandidate {
  sentence: number;
  candidate: CcrtCandidate;
}

/** Latest first, then entry id, then sentence. */
export const byCandidateOrder = (x: PlacedCandidate, y: PlacedCandidate) =>
  compareText(y.candidate.date, x.candidate.date) ||
  compareText(x.candidate.entryId, y.candidate.entryId) ||
  x.sentence - y.sentence;

/** The candidates of one entry (none for the therapist's own material), names resolved by `aliases`. */
export function entryCandidates(a: EntryAnalysis, aliases: ReadonlyMap<string, string>): PlacedCandidate[] {
  if (a.kind === 'countertransference' || a.source === 'therapist') return [];
  const resolve = (p: string | undefined) => (p === undefined ? undefined : (aliases.get(p) ?? p));
  const out: PlacedCandidate[] = [];
  let lastSentence = -1;
  for (const i of a.interactions) {
    if (i.sentence === lastSentence) continue;
    const agent = resolve(i.agent);
    const target = resolve(i.target);
    const figure =
      agent !== undefined && agent !== 'self' ? agent : target !== undefined && target !== 'self' ? target : undefined;
    if (figure === undefined || agent === 'self') continue;
    const s = i.sentence;
    const feeling = a.feelings.find((f) => !f.negated && (f.sentence === s || f.sentence === s + 1));
    const action = feeling
      ? undefined
      : a.interactions.find(
          (o) => o !== i && resolve(o.agent) === 'self' && (o.sentence === s || o.sentence === s + 1),
        );
    if (!feeling && !action) continue;
    lastSentence = s;
    out.push({ sentence: s, candidate: candidateOf(a, i, figure, feeling, action) });
  }
  return out;
}

function candidateOf(
  a: EntryAnalysis,
  i: InteractionMention,
  figure: string,
  feeling: FeelingMention | undefined,
  action: InteractionMention | undefined,
): CcrtCandidate {
  const s = i.sentence;
  const label = figureLabel(figure);
  const responseWords = feeling ? emotionLabel(feeling.family) : `"${interactionLabel(action!.kind)}"`;
  const lastSentence = Math.max(s, feeling?.sentence ?? action!.sentence);
  const citations = [citationOf(a, s)];
  if (lastSentence !== s) citations.push(citationOf(a, lastSentence));
  return {
    id: `${a.entryId}#${s}`,
    entryId: a.entryId,
    date: a.date,
    figure,
    figureLabel: label,
    interaction: i.kind,
    response: feeling ? { feeling: feeling.family } : { action: action!.kind },
    suggested: {
      RO: [SUGGESTED_RO[i.kind]],
      RS: [feeling ? SUGGESTED_RS_FEELING[feeling.family] : SUGGESTED_RS_ACTION[action!.kind]],
    },
    citations,
    how:
      `A possible relationship episode: ${label} — "${interactionLabel(i.kind)}" (${i.term}) — then ${responseWords}. ` +
      `Found from a person word, an action word and a feeling or action of the writer in the same or next sentence; ` +
      `the clusters are suggestions to confirm or change.`,
  };
}

/** Candidates, latest first, one per sentence (the first interaction found there). */
export function ccrtCandidates(state: PatternState, options: CcrtCandidateOptions = {}): CcrtCandidate[] {
  const aliases = resolveAliases(state);
  const placed: PlacedCandidate[] = [];
  for (const a of state.analyses.values()) for (const c of entryCandidates(a, aliases)) placed.push(c);
  placed.sort(byCandidateOrder);
  return placed.slice(0, options.limit ?? placed.length).map((p) => p.candidate);
}

/** How many candidates there are in all (the summary lists only the latest). */
export function ccrtCandidateCount(state: PatternState): number {
  return ccrtCandidates(state).length;
}
