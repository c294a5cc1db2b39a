import type { Scoped } from '../../access/access-layer.js';
import type { IntakePreferences } from './matching.js';
import type { IntakeStatus } from './intake-schemas.js';
import { matchCandidates } from './candidates.js';
import { rankTherapists } from './matching.js';

/** An intake row as the practice's screens read it (queue and detail), and its queue order. */
export interface IntakeRow {
  id: string;
  status: IntakeStatus;
  urgent_risk: boolean;
  source: string;
  created_at: Date;
  name_enc: string;
  email: string;
  brings_enc: string;
  previous_therapy_enc: string | null;
  preferences: IntakePreferences;
  consent_at: Date;
  consent_notice: string;
  requested_therapist_id: string | null;
  requested_therapist: string | null;
  requested_start: Date | null;
  message_enc: string | null;
  token_expires_at: Date;
  appointment_id: string | null;
  appointment_start: Date | null;
  /** The client account made when the enquiry was accepted. */
  client_id: string | null;
}

/** Same-day review first, always; then open enquiries oldest first; answered ones last. */
export const INTAKE_SELECT = `
  SELECT i.id, i.status, i.urgent_risk, i.source, i.created_at, i.name_enc, i.email, i.brings_enc,
         i.previous_therapy_enc, i.preferences, i.consent_at, i.consent_notice, i.requested_therapist_id,
         u.display_name AS requested_therapist, i.requested_start, i.message_enc, i.token_expires_at,
         i.appointment_id, a.starts_at AS appointment_start, i.client_id
    FROM intakes i LEFT JOIN users u ON u.practice_id = i.practice_id AND u.id = i.requested_therapist_id
    LEFT JOIN appointments a ON a.practice_id = i.practice_id AND a.id = i.appointment_id`;
export const QUEUE_ORDER = `ORDER BY i.urgent_risk DESC,
  (i.status IN ('accepted', 'referred_on')) ASC, i.created_at ASC`;

export async function queueEntry(tx: Scoped, row: IntakeRow) {
  return {
    id: row.id,
    name: await tx.decrypt(`intakes.name_enc:${row.id}`, row.name_enc),
    status: row.status,
    sameDayReview: row.urgent_risk,
    source: row.source,
    createdAt: row.created_at.toISOString(),
    requestedTherapist: row.requested_therapist,
    requestedTherapistId: row.requested_therapist_id,
    requestedStart: row.requested_start?.toISOString() ?? null,
    consultationStart: row.appointment_start?.toISOString() ?? null,
  };
}

/** The practice's published therapists ranked for this person, as their own page ranks them. */
async function rankedFor(tx: Scoped, row: IntakeRow) {
  const practice = (await tx.query<{ slug: string }>('SELECT slug FROM practices WHERE id = app_practice_id()'))
    .rows[0];
  const candidates = await matchCandidates(tx, practice?.slug ?? '');
  return rankTherapists(row.preferences, candidates).map((r) => ({ id: r.id, name: r.name, reasons: r.reasons }));
}

export async function intakeDetail(tx: Scoped, row: IntakeRow) {
  return {
    ...(await queueEntry(tx, row)),
    email: row.email,
    brings: await tx.decrypt(`intakes.brings_enc:${row.id}`, row.brings_enc),
    previousTherapy: row.previous_therapy_enc
      ? await tx.decrypt(`intakes.previous_therapy_enc:${row.id}`, row.previous_therapy_enc)
      : '',
    preferences: row.preferences,
    consentAt: row.consent_at.toISOString(),
    consentNotice: row.consent_notice,
    message: row.message_enc ? await tx.decrypt(`intakes.message_enc:${row.id}`, row.message_enc) : null,
    clientId: row.client_id,
    matches: await rankedFor(tx, row),
  };
}
