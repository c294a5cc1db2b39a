/** The web's mirror of the case formulation shapes (server features/formulation/formulation-schemas.ts). */
export type CcrtComponent = 'W' | 'RO' | 'RS';
export const CCRT_PARTS: readonly CcrtComponent[] = ['W', 'RO', 'RS'];

export type GoalStatus = 'open' | 'partly_met' | 'met' | 'set_aside';
export const GOAL_STATUSES: readonly GoalStatus[] = ['open', 'partly_met', 'met', 'set_aside'];

export interface Goal {
  id: string;
  text: string;
  status: GoalStatus;
}

export interface CcrtPart {
  clusterIds: string[];
  words: string;
}

export interface FormulationContent {
  presentingDifficulties: string;
  history: string;
  attachmentDevelopment: string;
  goals: Goal[];
  ccrt: Record<CcrtComponent, CcrtPart>;
}

export type FormulationSection = 'presentingDifficulties' | 'history' | 'attachmentDevelopment';
export const SECTIONS: readonly FormulationSection[] = ['presentingDifficulties', 'history', 'attachmentDevelopment'];

interface Person {
  id: string;
  displayName: string;
}

export interface Review {
  id: string;
  reviewedOn: string;
  author: Person;
  text: string;
  createdAt: string;
}

export interface Formulation extends FormulationContent {
  episode: { id: string; status: string; startDate: string | null; endingDate: string | null; createdAt: string };
  client: Person;
  /** 0 while nothing has been saved. */
  version: number;
  updatedAt: string | null;
  updatedBy: Person | null;
  reviews: Review[];
}

export interface FormulationVersion extends FormulationContent {
  version: number;
  savedBy: Person;
  savedAt: string;
}

export interface OdfPoint {
  noteId: string;
  sessionStartsAt: string;
  status: 'draft' | 'signed';
  odf: number | null;
  defencesCoded: number;
}

export interface DefensiveFunctioning {
  episodeId: string;
  points: OdfPoint[];
  overall: number | null;
  profile: { total: number; levels: { level: number; name: string; count: number; share: number }[] };
}

export interface CcrtCluster {
  id: string;
  component: CcrtComponent;
  label: string;
  valence?: 'positive' | 'negative';
}

export interface CcrtCategories {
  id: string;
  name: string;
  unverified: boolean;
  source: string;
  basedOn: string | null;
  isStandard: boolean;
  clusters: CcrtCluster[];
  updatedAt: string | null;
}

export interface CcrtCategoriesSave {
  name: string;
  unverified: boolean;
  clusters: CcrtCluster[];
}
