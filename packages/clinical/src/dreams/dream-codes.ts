/**
 * The Hall–Van de Castle codes of one dream — CLINICAL-REFERENCE.md §6. A code is what a coder (the
 * automatic one or the therapist) says is in the dream; the indicators count codes, never words.
 */

export const EMOTIONS = ['AN', 'AP', 'SD', 'CO', 'HA'] as const;
/** AN anger, AP apprehension (fear, anxiety, embarrassment), SD sadness, CO confusion (incl. surprise), HA happiness. */
export type Emotion = (typeof EMOTIONS)[number];
export const NEGATIVE_EMOTIONS: readonly Emotion[] = ['AN', 'AP', 'SD', 'CO'];

export type CharacterKind = 'human' | 'animal' | 'creature';
export type CharacterSex = 'male' | 'female' | 'indefinite';
/**
 * Who a human character is to the dreamer. family = immediate family (parents, siblings, partner,
 * children); relative = the wider family; friend; known = an acquaintance or named person;
 * prominent = a public figure; stranger = unfamiliar. The first five are familiar.
 */
export type CharacterIdentity = 'family' | 'relative' | 'friend' | 'known' | 'prominent' | 'stranger';

export interface CharacterCode {
  category: 'character';
  kind: CharacterKind;
  /** Animals and creatures are 'indefinite'. */
  sex: CharacterSex;
  /** Humans only; animals and creatures are 'stranger' and not counted in familiarity. */
  identity: CharacterIdentity;
  /** The character is dead in waking life (a deceased relative) or in the dream. */
  dead: boolean;
  /** An imaginary being (ghost, monster, angel); creatures always are. */
  imaginary: boolean;
}

/** Aggression A1 covert hostility … A8 killing; A5–A8 are physical. */
export type AggressionLevel = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8;
/** Friendliness F1 felt … F7 a wish for a lasting close relationship. */
export type FriendlinessLevel = 1 | 2 | 3 | 4 | 5 | 6 | 7;
/** Sexuality S1 thoughts or overtures … S5 intercourse. */
export type SexualityLevel = 1 | 2 | 3 | 4 | 5;
/** Misfortune M1 environmental threat … M5 injury or illness, M6 death; M5–M6 are bodily. */
export type MisfortuneLevel = 1 | 2 | 3 | 4 | 5 | 6;

/** 'witness' = between other characters, the dreamer not involved. */
export type AggressionRole = 'aggressor' | 'victim' | 'reciprocal' | 'witness';
export type FriendlinessRole = 'befriender' | 'befriended' | 'mutual' | 'witness';
export type SexualityRole = 'initiator' | 'recipient' | 'mutual' | 'witness';

export interface AggressionCode {
  category: 'aggression';
  level: AggressionLevel;
  dreamerRole: AggressionRole;
}
export interface FriendlinessCode {
  category: 'friendliness';
  level: FriendlinessLevel;
  dreamerRole: FriendlinessRole;
}
export interface SexualityCode {
  category: 'sexuality';
  level: SexualityLevel;
  dreamerRole: SexualityRole;
}
export interface EmotionCode {
  category: 'emotion';
  emotion: Emotion;
  /** True when the dreamer feels it; false for another character. */
  dreamerFeels: boolean;
}
export type SettingPlace = 'indoor' | 'outdoor' | 'ambiguous';
export type SettingFamiliarity = 'familiar' | 'unfamiliar' | 'distorted' | 'geographical' | 'questionable';
export interface SettingCode {
  category: 'setting';
  place: SettingPlace;
  familiarity: SettingFamiliarity;
}
export interface StrivingCode {
  category: 'success' | 'failure';
  /** True when the dreamer is the one who succeeds or fails. */
  dreamerInvolved: boolean;
}
export interface MisfortuneCode {
  category: 'misfortune';
  level: MisfortuneLevel;
  /** True when it befalls the dreamer. */
  dreamerInvolved: boolean;
}
export interface GoodFortuneCode {
  category: 'good-fortune';
  dreamerInvolved: boolean;
}
export type BodyPartRegion = 'head' | 'extremities' | 'torso' | 'anatomy' | 'sex-organs';
export interface BodyPartCode {
  category: 'body-part';
  region: BodyPartRegion;
}

/** What a code says, without where it came from: the unit the indicators count. */
export type DreamCodeContent =
  | CharacterCode
  | AggressionCode
  | FriendlinessCode
  | SexualityCode
  | EmotionCode
  | SettingCode
  | StrivingCode
  | MisfortuneCode
  | GoodFortuneCode
  | BodyPartCode;

export type DreamCodeCategory = DreamCodeContent['category'];
export const DREAM_CODE_CATEGORIES: readonly DreamCodeCategory[] = [
  'character',
  'aggression',
  'friendliness',
  'sexuality',
  'emotion',
  'setting',
  'success',
  'failure',
  'misfortune',
  'good-fortune',
  'body-part',
];

/** Words of the dream text behind a code: `text === dreamText.slice(start, end)`. */
export interface EvidenceSpan {
  start: number;
  end: number;
  text: string;
}

/** A code as shown to the therapist: what it says, the words it rests on, and who made it. */
export type DreamCode = DreamCodeContent & {
  /** Stable within one dream ('c1', 'c2' … for automatic codes; the therapist's own for additions). */
  id: string;
  /** The words behind the code; automatic codes always cite at least one span. */
  evidence: EvidenceSpan[];
  source: 'automatic' | 'therapist';
};

/** The coded dreams of one dreamer (or group) — the unit the indicators are computed over. */
export type DreamSeries = readonly (readonly DreamCodeContent[])[];
