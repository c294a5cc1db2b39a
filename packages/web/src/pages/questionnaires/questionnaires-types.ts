/** The shapes of the portal's questionnaire routes (server: features/questionnaires). */
export type PortalAnswerValue = number | 'declined' | 'not-applicable' | null;

export interface MyQuestionnaire {
  id: string;
  name: string;
  sessionStartsAt: string | null;
  expiresAt: string;
  itemCount: number;
  answeredCount: number;
}

export interface PortalItem {
  linkId: string;
  text: string;
  options: { value: number; label: string }[];
  notApplicable: string | null;
}

export interface SavedAnswer {
  linkId: string;
  value: PortalAnswerValue;
  revision: number;
}

export interface MyQuestionnaireDetail {
  id: string;
  name: string;
  title: string;
  stem: string | null;
  copyright: string;
  sessionStartsAt: string | null;
  expiresAt: string;
  items: PortalItem[];
  answers: SavedAnswer[];
}
