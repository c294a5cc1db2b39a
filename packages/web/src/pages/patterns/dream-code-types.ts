/**
 * Hall–Van de Castle dream codes and the therapist's corrections, as the dream-code routes send and
 * take them (packages/server/src/features/patterns/dream-code-schemas.ts).
 */
export interface EvidenceSpan {
  start: number;
  end: number;
  text: string;
}
export type DreamCodeContent =
  | {
      category: 'character';
      kind: 'human' | 'animal' | 'creature';
      sex: 'male' | 'female' | 'indefinite';
      identity: 'family' | 'relative' | 'friend' | 'known' | 'prominent' | 'stranger';
      dead: boolean;
      imaginary: boolean;
    }
  | { category: 'aggression'; level: number; dreamerRole: 'aggressor' | 'victim' | 'reciprocal' | 'witness' }
  | { category: 'friendliness'; level: number; dreamerRole: 'befriender' | 'befriended' | 'mutual' | 'witness' }
  | { category: 'sexuality'; level: number; dreamerRole: 'initiator' | 'recipient' | 'mutual' | 'witness' }
  | { category: 'emotion'; emotion: 'AN' | 'AP' | 'SD' | 'CO' | 'HA'; dreamerFeels: boolean }
  | {
      category: 'setting';
      place: 'indoor' | 'outdoor' | 'ambiguous';
      familiarity: 'familiar' | 'unfamiliar' | 'distorted' | 'geographical' | 'questionable';
    }
  | { category: 'success' | 'failure'; dreamerInvolved: boolean }
  | { category: 'misfortune'; level: number; dreamerInvolved: boolean }
  | { category: 'good-fortune'; dreamerInvolved: boolean }
  | { category: 'body-part'; region: 'head' | 'extremities' | 'torso' | 'anatomy' | 'sex-organs' };
export type DreamCategory = DreamCodeContent['category'];
export type DreamCode = DreamCodeContent & { id: string; evidence: EvidenceSpan[]; source: 'automatic' | 'therapist' };
export type DreamCodeCorrection =
  | { action: 'add'; id: string; code: DreamCodeContent; evidence: EvidenceSpan[] }
  | { action: 'remove'; id: string }
  | { action: 'change'; id: string; code: DreamCodeContent; evidence?: EvidenceSpan[] };
export interface DreamListItem {
  entryId: string;
  date: string;
  link: string;
  opening: string;
  codes: DreamCode[];
  corrected: boolean;
  correctedAt: string | null;
}
export interface DreamCodesDetail {
  entryId: string;
  date: string;
  link: string;
  text: string;
  automatic: DreamCode[];
  corrections: DreamCodeCorrection[];
  codes: DreamCode[];
  unmatched: number;
  version: number;
  correctedAt: string | null;
  editedSince: boolean;
}
