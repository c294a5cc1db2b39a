/**
 * The serialisable shapes of the pattern aids: an entry as given, its cached analysis, and the
 * citations every observation carries. Plain data (JSON-safe), no functions.
 */
import type { EmotionFamily } from './lexicon/emotions.js';
import type { InteractionKind } from './lexicon/interactions.js';

export type EntryKind = 'session_note' | 'journal' | 'dream' | 'countertransference';
/** Who may see the entry: shared with the therapist, the client's private space, or the therapist's own. */
export type EntrySource = 'shared' | 'private' | 'therapist';

/** One passage of material, as the server hands it over (decrypted). */
export interface PatternEntry {
  id: string;
  kind: EntryKind;
  /** Calendar date, YYYY-MM-DD. */
  date: string;
  text: string;
  source: EntrySource;
}

/** Where an observation comes from: an entry and a sentence's character offsets [start, end). */
export interface Citation {
  entryId: string;
  date: string;
  start: number;
  end: number;
}

/** "self" is the writer; any other value is a figure key ("mother", "name:sarah"). */
export type Participant = string;

export interface FigureMention {
  /** Figure key: a role key ("mother", "boss") or "name:" + the lower-case name. */
  figure: string;
  /** The words as written. */
  term: string;
  via: 'role' | 'name' | 'pronoun';
  sentence: number;
  start: number;
  end: number;
}

export interface FeelingMention {
  family: EmotionFamily;
  term: string;
  /** Inside a negation ("I wasn't angry"): kept for the record, not counted as the feeling. */
  negated: boolean;
  sentence: number;
  start: number;
  end: number;
}

export interface InteractionMention {
  kind: InteractionKind;
  term: string;
  /** Who acted, when the sentence says: "self" or a figure key. */
  agent?: Participant;
  /** To whom, when the sentence says. */
  target?: Participant;
  /** True when a caring act was negated ("she never listened") and read as `ignore`. */
  withheld: boolean;
  sentence: number;
  start: number;
  end: number;
}

export interface ChildhoodMention {
  cues: string[];
  sentence: number;
}

export interface TherapyReference {
  term: string;
  sentence: number;
  start: number;
  end: number;
}

/** A name given to a role in the same breath ("my sister Anna", "Mark, my boss"). */
export interface FigureAlias {
  name: string;
  figure: string;
}

/** Version of the analysis format: cached analyses of another version are recomputed. */
export const ANALYSIS_VERSION = 1;

/** Everything the aids need from one entry, computed once and cached by entry id. */
export interface EntryAnalysis {
  version: number;
  entryId: string;
  kind: EntryKind;
  date: string;
  source: EntrySource;
  sentences: { start: number; end: number }[];
  figures: FigureMention[];
  feelings: FeelingMention[];
  interactions: InteractionMention[];
  childhood: ChildhoodMention[];
  therapyReferences: TherapyReference[];
  aliases: FigureAlias[];
  /** Theme candidates: content lemmas and two-word phrases → the sentences they occur in (once each). */
  terms: Record<string, number[]>;
}
