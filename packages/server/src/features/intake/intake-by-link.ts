import type { FastifyRequest } from 'fastify';
import type { Scoped } from '../../access/access-layer.js';
import { HttpError } from '../../access/errors.js';
import type { Actor } from '../../access/actor.js';
import { requestActor } from '../../http/authenticate.js';
import type { IntakePreferences } from './matching.js';
import type { IntakeStatus } from './intake-schemas.js';
import { INTAKE_NOT_FOUND, readIntakeToken } from './intake-token.js';

/**
 * The intake a person's link names, read as that practice's system actor. An unknown, expired or
 * mistyped token and a token of another practice all get the same 404, so the answer never says which.
 */
export interface LinkedIntake {
  id: string;
  status: IntakeStatus;
  urgent_risk: boolean;
  created_at: Date;
  consent_at: Date;
  email: string;
  preferences: IntakePreferences;
  requested_therapist_id: string | null;
  requested_start: Date | null;
  message_enc: string | null;
  /** The consultation booked when the practice accepted (its current time, should it move). */
  appointment_start: Date | null;
}

export function linkActor(request: FastifyRequest, raw: string): Actor {
  const token = readIntakeToken(raw);
  if (!token) throw new HttpError(404, INTAKE_NOT_FOUND, 'not_found');
  return requestActor(request, token.practiceId);
}

export async function intakeByLink(tx: Scoped, raw: string, forUpdate = false): Promise<LinkedIntake> {
  const token = readIntakeToken(raw);
  if (!token) throw new HttpError(404, INTAKE_NOT_FOUND, 'not_found');
  const found = await tx.query<LinkedIntake>(
    `SELECT i.id, i.status, i.urgent_risk, i.created_at, i.consent_at, i.email, i.preferences, i.requested_therapist_id,
            i.requested_start, i.message_enc, a.starts_at AS appointment_start
       FROM intakes i LEFT JOIN appointments a ON a.practice_id = i.practice_id AND a.id = i.appointment_id
      WHERE i.token_hash = $1 AND i.token_expires_at > now()${forUpdate ? ' FOR UPDATE OF i' : ''}`,
    [token.hash],
  );
  const row = found.rows[0];
  if (!row) throw new HttpError(404, INTAKE_NOT_FOUND, 'not_found');
  return row;
}
