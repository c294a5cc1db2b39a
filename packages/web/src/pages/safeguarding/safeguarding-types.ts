/** Web mirror of packages/server/src/features/safeguarding/safeguarding-schemas.ts. */
export interface Alert {
  id: string;
  client: { id: string; name: string };
  trigger: 'questionnaire_item' | 'risk_language';
  reason: string;
  raisedAt: string;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  escalatedAt: string | null;
  escalatedTo: string | null;
  asClinicalLead: boolean;
}

export type ClientInformed = 'yes' | 'no' | 'not_yet';

export interface DecisionInput {
  alertId: string | null;
  decision: string;
  reasons: string;
  whoWasTold: string;
  clientInformed: ClientInformed;
  clientInformedHow: string;
}

export interface Decision extends Omit<DecisionInput, 'alertId'> {
  id: string;
  alertId: string | null;
  decidedAt: string;
  decidedBy: string;
}

export interface RiskRecord {
  client: { id: string; name: string };
  alerts: Alert[];
  decisions: Decision[];
  /** Whether and when the client agreed to the practice's written policy. */
  policyAgreement: {
    currentVersion: number;
    agreedVersion: number | null;
    agreedAt: string | null;
    agreedToCurrent: boolean;
  };
}

export interface SafetyPlanSections {
  warningSigns: string;
  copingStrategies: string;
  distractions: string;
  peopleToAsk: string;
  professionals: string;
  safeEnvironment: string;
  reasonsForLiving: string;
}

export interface SafetyPlan {
  plan: SafetyPlanSections | null;
  version: number;
  writtenAt: string | null;
  writtenBy: string | null;
}
