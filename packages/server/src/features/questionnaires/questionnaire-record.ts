import type { InstrumentDefinition } from '@undercurrent/clinical';
import type { Scoped } from '../../access/access-layer.js';
import { refuse } from '../../access/refuse.js';
import type { AuditInput } from '../../audit/audit-event.js';
import { iso } from '../journal/entry-record.js';
import { definitionById, resolveInstrument } from '../measures/instrument-catalogue.js';
import type { PortalAnswerValue, QuestionnaireRequest, Schedule } from './questionnaires-schemas.js';
import type { Timing } from './schedule-occurrences.js';

/** Questionnaire requests and schedules as stored, and how they are read. */
export interface RequestRow {
  id: string;
  client_id: string;
  episode_id: string | null;
  schedule_id: string | null;
  instrument_id: string;
  definition_id: string | null;
  appointment_id: string | null;
  session_starts_at: Date | null;
  opens_at: Date;
  expires_at: Date;
  status: 'open' | 'completed' | 'expired';
  created_at: Date;
  completed_at: Date | null;
  response_id: string | null;
}

export const REQUEST_COLUMNS = `q.id, q.client_id, q.episode_id, q.schedule_id, q.instrument_id, q.definition_id,
  q.appointment_id, a.starts_at AS session_starts_at, q.opens_at, q.expires_at, q.status, q.created_at,
  q.completed_at, q.response_id`;
export const REQUEST_FROM = `questionnaire_requests q LEFT JOIN appointments a ON a.id = q.appointment_id`;

export interface ScheduleRow {
  id: string;
  episode_id: string;
  client_id: string;
  instrument_id: string;
  timing: Timing;
  every_n: number | null;
  months_after: number | null;
  created_at: Date;
}

export const SCHEDULE_COLUMNS = `s.id, s.episode_id, s.client_id, s.instrument_id, s.timing, s.every_n, s.months_after,
  s.created_at`;

export const answerContext = (requestId: string, linkId: string) =>
  `questionnaire_answers.value_enc:${requestId}:${linkId}`;

/** The definition a request is answered against: the version pinned on it, or the built-in one. */
export async function requestDefinition(tx: Scoped, row: RequestRow): Promise<InstrumentDefinition | undefined> {
  if (row.definition_id) return (await definitionById(tx, row.definition_id))?.definition;
  return (await resolveInstrument(tx, row.instrument_id))?.definition;
}

/** The instrument's short name, or its id when the practice no longer has it. */
export async function instrumentName(tx: Scoped, instrumentId: string, definitionId?: string | null) {
  const def = definitionId
    ? (await definitionById(tx, definitionId))?.definition
    : (await resolveInstrument(tx, instrumentId))?.definition;
  return def?.name ?? instrumentId;
}

export async function toRequest(tx: Scoped, row: RequestRow): Promise<QuestionnaireRequest> {
  return {
    id: row.id,
    instrumentId: row.instrument_id,
    instrumentName: await instrumentName(tx, row.instrument_id, row.definition_id),
    status: row.status,
    scheduleId: row.schedule_id,
    appointmentId: row.appointment_id,
    sessionStartsAt: row.session_starts_at ? iso(row.session_starts_at) : null,
    opensAt: iso(row.opens_at),
    expiresAt: iso(row.expires_at),
    createdAt: iso(row.created_at),
    completedAt: row.completed_at ? iso(row.completed_at) : null,
    responseId: row.response_id,
  };
}

export async function toSchedule(tx: Scoped, row: ScheduleRow): Promise<Schedule> {
  return {
    id: row.id,
    episodeId: row.episode_id,
    instrumentId: row.instrument_id,
    instrumentName: await instrumentName(tx, row.instrument_id),
    timing: row.timing,
    everyN: row.every_n,
    monthsAfter: row.months_after,
    createdAt: iso(row.created_at),
  };
}

/**
 * The signed-in client's own request, open for answers: refused when it is not theirs (404), already
 * submitted (409) or expired (410), each with a message saying what to do. Locks the row.
 */
export async function openRequestOfMine(tx: Scoped, requestId: string, event: AuditInput): Promise<RequestRow> {
  const found = await tx.query<RequestRow>(
    `SELECT ${REQUEST_COLUMNS} FROM ${REQUEST_FROM} WHERE q.id = $1 AND q.client_id = $2 FOR UPDATE OF q`,
    [requestId, tx.actor.userId],
  );
  const row = found.rows[0];
  if (!row) refuse(tx, event, 404, 'not_found', 'There is no such questionnaire for you. Go back to your list.');
  if (row.status === 'completed') {
    refuse(tx, event, 409, 'already_submitted', 'You have already sent this questionnaire. Thank you.');
  }
  if (row.status === 'expired' || row.expires_at.getTime() <= Date.now()) {
    refuse(
      tx,
      event,
      410,
      'expired',
      'This questionnaire has closed and can no longer be filled in. If you would still like to, ask your therapist to send it again.',
    );
  }
  return row;
}

/** The client's answers saved so far on a request, decrypted. */
export async function savedAnswers(
  tx: Scoped,
  requestId: string,
): Promise<{ linkId: string; value: PortalAnswerValue; revision: number }[]> {
  const rows = await tx.query<{ link_id: string; value_enc: string; revision: number }>(
    'SELECT link_id, value_enc, revision FROM questionnaire_answers WHERE request_id = $1 ORDER BY link_id',
    [requestId],
  );
  return Promise.all(
    rows.rows.map(async (r) => ({
      linkId: r.link_id,
      value: JSON.parse(await tx.decrypt(answerContext(requestId, r.link_id), r.value_enc)) as PortalAnswerValue,
      revision: r.revision,
    })),
  );
}
