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
    `SELECT id, status, urgent_risk, created_at, consent_at, email, preferences, requested_therapist_id, requested_start, message_enc
       FROM intakes WHERE token_hash = $1 AND token_expires_at > now()${forUpdate ? ' FOR UPDATE' : ''}`,
    [token.hash],
  );
  const row = found.rows[0];
  if (!row) throw new HttpError(404, INTAKE_NOT_FOUND, 'not_found');
  return row;
}
