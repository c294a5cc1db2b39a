import type { Scoped } from '../../access/access-layer.js';

/**
 * A client's request to move a session: the message (clinical free text: encrypted at rest) and,
 * when declined, the therapist's reply (likewise). One pending request per session.
 */
export const messageContext = (id: string) => `move_requests.message_enc:${id}`;
export const responseContext = (id: string) => `move_requests.response_enc:${id}`;

export interface MoveRequestRow {
  id: string;
  appointment_id: string;
  client_id: string;
  therapist_id: string;
  message_enc: string | null;
  response_enc: string | null;
  status: 'pending' | 'accepted' | 'declined' | 'withdrawn';
  created_at: Date;
  resolved_at: Date | null;
}

export async function findMoveRequests(
  tx: Scoped,
  filter: { id?: string; therapistId?: string; clientId?: string; status?: MoveRequestRow['status']; since?: Date },
): Promise<MoveRequestRow[]> {
  const result = await tx.query<MoveRequestRow>(
    `SELECT r.id, r.appointment_id, r.client_id, a.therapist_id, r.message_enc, r.response_enc, r.status,
            r.created_at, r.resolved_at
       FROM move_requests r
       JOIN appointments a ON a.id = r.appointment_id
      WHERE ($1::uuid IS NULL OR r.id = $1)
        AND ($2::uuid IS NULL OR a.therapist_id = $2)
        AND ($3::uuid IS NULL OR r.client_id = $3)
        AND ($4::text IS NULL OR r.status = $4)
        AND ($5::timestamptz IS NULL OR coalesce(r.resolved_at, r.created_at) >= $5)
      ORDER BY r.created_at, r.id`,
    [
      filter.id ?? null,
      filter.therapistId ?? null,
      filter.clientId ?? null,
      filter.status ?? null,
      filter.since ?? null,
    ],
  );
  return result.rows;
}

export async function decryptOrNull(tx: Scoped, context: string, stored: string | null): Promise<string | null> {
  return stored ? tx.decrypt(context, stored) : null;
}
