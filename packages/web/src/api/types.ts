/** Shapes of the API's answers (see /api/openapi.json). */
export type Role = 'admin' | 'therapist' | 'supervisor' | 'client';
export const ROLES: readonly Role[] = ['admin', 'therapist', 'supervisor', 'client'];

export type SessionStage = 'mfa_required' | 'mfa_enrolment' | 'active';
export type MfaMethod = 'totp' | 'passkey' | 'recovery';

export interface PublicPractice {
  id: string;
  name: string;
  slug: string;
  isDemo: boolean;
}

export interface PracticesResponse {
  needsSetup: boolean;
  demoMode: boolean;
  practices: PublicPractice[];
}

export interface CrisisResource {
  name: string;
  action: string;
  href?: string;
  availability: string;
}

export interface CrisisResources {
  region: string;
  emergency: CrisisResource;
  resources: CrisisResource[];
}

export interface Me {
  user: { id: string; email: string; displayName: string; roles: Role[] };
  practice: { id: string; name: string; isDemo: boolean };
  session: { id: string; stage: SessionStage; expiresAt: string; idleMinutes: number };
  mfa: { totp: boolean; passkeys: number; recoveryCodesLeft: number; required: boolean };
  demoMode: boolean;
}

export interface StageResponse {
  stage: SessionStage;
}

export interface SignInResponse extends StageResponse {
  mfaMethods: MfaMethod[];
}

export interface PasswordStrength {
  acceptable: boolean;
  score: number;
  problem: string | null;
  warning: string | null;
  suggestions: string[];
}

export interface InvitationLookup {
  practiceName: string;
  email: string;
  displayName: string;
  role: Role;
  expiresAt: string;
  staff: boolean;
}

export interface PasswordResetLookup {
  email: string;
  practiceName: string;
  expiresAt: string;
}

export type InvitationStatus = 'pending' | 'accepted' | 'expired' | 'revoked';

export interface Invitation {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  status: InvitationStatus;
  invitedByName: string | null;
  createdAt: string;
  expiresAt: string;
  acceptedAt: string | null;
}

export type PersonStatus = 'active' | 'disabled';

export interface Person {
  id: string;
  displayName: string;
  email: string;
  roles: Role[];
  status: PersonStatus;
  mfaEnabled: boolean;
  lastSignInAt: string | null;
  createdAt: string;
}

export type OutboxStatus = 'pending' | 'held' | 'sent' | 'failed';

export interface OutboxMessage {
  id: string;
  kind: string;
  to: string;
  subject: string;
  status: OutboxStatus;
  attempts: number;
  createdAt: string;
  sentAt: string | null;
  lastError: string | null;
}

export interface OutboxMessageWithBody extends OutboxMessage {
  body: string;
}

export type AuditOutcome = 'success' | 'denied' | 'failure';

export interface AuditEvent {
  id: number | string;
  occurredAt: string;
  actorId: string | null;
  actorName: string | null;
  actorRole: string | null;
  action: string;
  outcome: string;
  subjectType: string | null;
  subjectId: string | null;
  subjectName: string | null;
  ip: string | null;
  details: Record<string, unknown> | null;
}

export interface AuditPage {
  events: AuditEvent[];
  nextBefore: string | number | null;
}

export interface AuditVerifyResult {
  ok: boolean;
  sealed: number;
  unsealed: number;
  problems: { chainSeq: number | null; eventId: number | string | null; problem: string }[];
}

export interface SessionInfo {
  id: string;
  current: boolean;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  userAgent: string | null;
  ip: string | null;
}

export interface RecordAccessEntry {
  occurredAt: string;
  actorName: string | null;
  actorRole: string | null;
  action: string;
  outcome: string;
}

export interface TotpStart {
  secret: string;
  otpauthUrl: string;
  qrDataUrl: string;
}

export interface MfaConfirmResponse {
  recoveryCodes: string[] | null;
  stage: SessionStage;
}

export interface Passkey {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
}
