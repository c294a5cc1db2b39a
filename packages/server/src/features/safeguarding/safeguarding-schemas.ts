import { Type, type Static } from '@sinclair/typebox';
import { Uuid } from '../../http/schemas.js';

/** Request and response shapes of safeguarding (alerts, the risk record, settings). */
const DateTime = Type.String({ format: 'date-time' });
const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);

export const Alert = Type.Object({
  id: Uuid,
  client: Type.Object({ id: Uuid, name: Type.String() }),
  trigger: Type.Union([Type.Literal('questionnaire_item'), Type.Literal('risk_language')]),
  reason: Type.String(),
  raisedAt: DateTime,
  acknowledgedAt: Nullable(DateTime),
  acknowledgedBy: Type.Union([Type.String(), Type.Null()]),
  escalatedAt: Nullable(DateTime),
  escalatedTo: Type.Union([Type.String(), Type.Null()]),
  /** True when the signed-in person sees it as the clinical lead it was escalated to. */
  asClinicalLead: Type.Boolean(),
});
export type Alert = Static<typeof Alert>;

export const AlertList = Type.Object({ alerts: Type.Array(Alert), open: Type.Integer({ minimum: 0 }) });

const Text = (max: number) => Type.String({ maxLength: max });

export const DecisionBody = Type.Object(
  {
    alertId: Type.Union([Uuid, Type.Null()]),
    decision: Text(5000),
    reasons: Text(5000),
    whoWasTold: Text(2000),
    clientInformed: Type.Union([Type.Literal('yes'), Type.Literal('no'), Type.Literal('not_yet')]),
    clientInformedHow: Text(2000),
  },
  { additionalProperties: false },
);
export type DecisionBody = Static<typeof DecisionBody>;

export const Decision = Type.Object({
  id: Uuid,
  alertId: Type.Union([Uuid, Type.Null()]),
  decidedAt: DateTime,
  decidedBy: Type.String(),
  decision: Type.String(),
  reasons: Type.String(),
  whoWasTold: Type.String(),
  clientInformed: Type.Union([Type.Literal('yes'), Type.Literal('no'), Type.Literal('not_yet')]),
  clientInformedHow: Type.String(),
});
export type Decision = Static<typeof Decision>;

export const RiskRecord = Type.Object({
  client: Type.Object({ id: Uuid, name: Type.String() }),
  alerts: Type.Array(Alert),
  decisions: Type.Array(Decision),
  policyAgreement: Type.Object({
    currentVersion: Type.Integer({ minimum: 1 }),
    agreedVersion: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()]),
    agreedAt: Nullable(DateTime),
    agreedToCurrent: Type.Boolean(),
  }),
});

export const SettingsBody = Type.Object(
  {
    policyText: Type.String({ minLength: 1, maxLength: 10000 }),
    privateEntryAlerts: Type.Union([Type.Literal('never'), Type.Literal('always')]),
    escalateAfterMinutes: Type.Integer({ minimum: 15, maximum: 10080 }),
    clinicalLeadId: Type.Union([Uuid, Type.Null()]),
    region: Type.Union([Type.Literal('GB'), Type.Literal('US')]),
    addedPhrases: Type.Array(Type.String({ maxLength: 200 }), { maxItems: 200 }),
    removedPhrases: Type.Array(Type.String({ maxLength: 200 }), { maxItems: 200 }),
  },
  { additionalProperties: false },
);
export type SettingsBody = Static<typeof SettingsBody>;

export const Settings = Type.Object({
  ...SettingsBody.properties,
  policyVersion: Type.Integer({ minimum: 1 }),
  defaultPhrases: Type.Array(Type.String()),
});

const Section = Type.String({ maxLength: 5000 });

/** The Stanley–Brown safety plan's six sections, and reasons for living (CLINICAL-REFERENCE.md §4). */
export const SafetyPlanSections = Type.Object(
  {
    warningSigns: Section,
    copingStrategies: Section,
    distractions: Section,
    peopleToAsk: Section,
    professionals: Section,
    safeEnvironment: Section,
    reasonsForLiving: Section,
  },
  { additionalProperties: false },
);
export type SafetyPlanSections = Static<typeof SafetyPlanSections>;

export const SafetyPlan = Type.Object({
  /** null while no plan has been written. */
  plan: Type.Union([SafetyPlanSections, Type.Null()]),
  version: Type.Integer({ minimum: 0 }),
  writtenAt: Type.Union([DateTime, Type.Null()]),
  writtenBy: Type.Union([Type.String(), Type.Null()]),
});
export type SafetyPlan = Static<typeof SafetyPlan>;

export const SafetyPlanSave = Type.Object(
  { baseVersion: Type.Integer({ minimum: 0 }), plan: SafetyPlanSections },
  { additionalProperties: false },
);

/** The client's view of the written policy and their agreement to it. */
export const MyPolicy = Type.Object({
  policyText: Type.String(),
  policyVersion: Type.Integer({ minimum: 1 }),
  privateEntryAlerts: Type.Union([Type.Literal('never'), Type.Literal('always')]),
  escalateAfterMinutes: Type.Integer({ minimum: 1 }),
  /** The latest version the client agreed to (null: never). */
  agreedVersion: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()]),
  agreedAt: Nullable(DateTime),
  needsAgreement: Type.Boolean(),
});

export const PolicyAgreementBody = Type.Object(
  { policyVersion: Type.Integer({ minimum: 1 }) },
  { additionalProperties: false },
);

const Optional = (max: number) => Type.Union([Type.String({ maxLength: max }), Type.Null()]);

/** One of the practice's own crisis resources (lengths bounded here; formats checked with clear messages). */
export const LocalResource = Type.Object(
  {
    name: Type.String({ maxLength: 200 }),
    phone: Optional(40),
    textNumber: Optional(40),
    textKeyword: Optional(60),
    url: Optional(600),
    hours: Type.String({ maxLength: 200 }),
    description: Type.String({ maxLength: 600 }),
  },
  { additionalProperties: false },
);

export const LocalResources = Type.Object(
  { resources: Type.Array(LocalResource, { maxItems: 50 }) },
  { additionalProperties: false },
);
