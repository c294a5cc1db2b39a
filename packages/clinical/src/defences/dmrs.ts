/**
 * The Defense Mechanism Rating Scales (DMRS, Perry) hierarchy — CLINICAL-REFERENCE.md §6.
 *
 * Seven levels from 7 (high adaptive) to 1 (action), each defence at exactly one level.
 * Idealisation, devaluation and splitting of the self-image and of the other's image are
 * distinct defences, as in the DMRS. Defence ids are stable keys meant to be stored with a
 * clinician's rating; labels are for display and may change.
 *
 * The product records clinician-rated defences. Any automatic hint must be labelled a suggestion
 * (published automatic detection is weak).
 */

export const DMRS_LEVEL_VALUES = [1, 2, 3, 4, 5, 6, 7] as const;
export type DmrsLevel = (typeof DMRS_LEVEL_VALUES)[number];

export interface DmrsLevelInfo {
  level: DmrsLevel;
  name: string;
}

/** Level names, from 1 (action) to 7 (high adaptive). */
export const DMRS_LEVELS: readonly DmrsLevelInfo[] = [
  { level: 1, name: 'Action' },
  { level: 2, name: 'Major image-distorting' },
  { level: 3, name: 'Disavowal' },
  { level: 4, name: 'Minor image-distorting' },
  { level: 5, name: 'Other neurotic' },
  { level: 6, name: 'Obsessional' },
  { level: 7, name: 'High adaptive' },
];

export const DEFENCE_IDS = [
  // 7 High adaptive
  'affiliation',
  'altruism',
  'anticipation',
  'humour',
  'self-assertion',
  'self-observation',
  'sublimation',
  'suppression',
  // 6 Obsessional
  'isolation-of-affect',
  'intellectualisation',
  'undoing',
  // 5 Other neurotic
  'repression',
  'dissociation',
  'reaction-formation',
  'displacement',
  // 4 Minor image-distorting
  'idealisation-self',
  'idealisation-other',
  'devaluation-self',
  'devaluation-other',
  'omnipotence',
  // 3 Disavowal
  'denial',
  'projection',
  'rationalisation',
  'autistic-fantasy',
  // 2 Major image-distorting
  'splitting-self',
  'splitting-other',
  'projective-identification',
  // 1 Action
  'acting-out',
  'help-rejecting-complaining',
  'passive-aggression',
] as const;

export type DefenceId = (typeof DEFENCE_IDS)[number];

export interface Defence {
  id: DefenceId;
  label: string;
  level: DmrsLevel;
}

/** Every DMRS defence, ordered from level 7 down to level 1. */
export const DMRS_DEFENCES: readonly Defence[] = [
  { id: 'affiliation', label: 'Affiliation', level: 7 },
  { id: 'altruism', label: 'Altruism', level: 7 },
  { id: 'anticipation', label: 'Anticipation', level: 7 },
  { id: 'humour', label: 'Humour', level: 7 },
  { id: 'self-assertion', label: 'Self-assertion', level: 7 },
  { id: 'self-observation', label: 'Self-observation', level: 7 },
  { id: 'sublimation', label: 'Sublimation', level: 7 },
  { id: 'suppression', label: 'Suppression', level: 7 },
  { id: 'isolation-of-affect', label: 'Isolation of affect', level: 6 },
  { id: 'intellectualisation', label: 'Intellectualisation', level: 6 },
  { id: 'undoing', label: 'Undoing', level: 6 },
  { id: 'repression', label: 'Repression', level: 5 },
  { id: 'dissociation', label: 'Dissociation', level: 5 },
  { id: 'reaction-formation', label: 'Reaction formation', level: 5 },
  { id: 'displacement', label: 'Displacement', level: 5 },
  { id: 'idealisation-self', label: 'Idealisation of self-image', level: 4 },
  { id: 'idealisation-other', label: 'Idealisation of other’s image', level: 4 },
  { id: 'devaluation-self', label: 'Devaluation of self-image', level: 4 },
  { id: 'devaluation-other', label: 'Devaluation of other’s image', level: 4 },
  { id: 'omnipotence', label: 'Omnipotence', level: 4 },
  { id: 'denial', label: 'Denial', level: 3 },
  { id: 'projection', label: 'Projection', level: 3 },
  { id: 'rationalisation', label: 'Rationalisation', level: 3 },
  { id: 'autistic-fantasy', label: 'Autistic fantasy', level: 3 },
  { id: 'splitting-self', label: 'Splitting of self-image', level: 2 },
  { id: 'splitting-other', label: 'Splitting of other’s image', level: 2 },
  { id: 'projective-identification', label: 'Projective identification', level: 2 },
  { id: 'acting-out', label: 'Acting out', level: 1 },
  { id: 'help-rejecting-complaining', label: 'Help-rejecting complaining', level: 1 },
  { id: 'passive-aggression', label: 'Passive aggression', level: 1 },
];

export interface DmrsHierarchyLevel extends DmrsLevelInfo {
  defences: readonly Defence[];
}

/** The hierarchy for a picker: levels from 7 down to 1, each with its defences. */
export const DMRS_HIERARCHY: readonly DmrsHierarchyLevel[] = [...DMRS_LEVELS].reverse().map((info) => ({
  ...info,
  defences: DMRS_DEFENCES.filter((d) => d.level === info.level),
}));

const byId = new Map<string, Defence>(DMRS_DEFENCES.map((d) => [d.id, d]));

export function isDefenceId(id: string): id is DefenceId {
  return byId.has(id);
}

/** The defence with this id, or undefined for an unknown id. */
export function defenceById(id: string): Defence | undefined {
  return byId.get(id);
}

export function dmrsLevelName(level: DmrsLevel): string {
  // Every DmrsLevel is in DMRS_LEVELS.
  return DMRS_LEVELS[level - 1]!.name;
}
