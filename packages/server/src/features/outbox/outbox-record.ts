import { Type, type Static } from '@sinclair/typebox';
import type { Scoped } from '../../access/access-layer.js';
import { Uuid } from '../../http/schemas.js';

/** An outbox message as the admin screen lists it (the body only when one message is opened). */
export const OutboxStatus = Type.Union([
  Type.Literal('pending'),
  Type.Literal('held'),
  Type.Literal('sent'),
  Type.Literal('failed'),
]);

export const OutboxMessage = Type.Object({
  id: Uuid,
  kind: Type.String(),
  to: Type.String(),
  subject: Type.String(),
  status: OutboxStatus,
  attempts: Type.Integer(),
  createdAt: Type.String({ format: 'date-time' }),
  sentAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  lastError: Type.Union([Type.String(), Type.Null()]),
  nextAttemptAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});
export type OutboxMessage = Static<typeof OutboxMessage>;

export interface OutboxRow {
  id: string;
  kind: string;
  to_address: string;
  subject: string;
  body_enc: string;
  status: OutboxMessage['status'];
  attempts: number;
  created_at: Date;
  sent_at: Date | null;
  last_error: string | null;
  next_attempt_at: Date;
}

export const OUTBOX_COLUMNS =
  'id, kind, to_address, subject, body_enc, status, attempts, created_at, sent_at, last_error, next_attempt_at';

export function toOutboxMessage(row: OutboxRow): OutboxMessage {
  return {
    id: row.id,
    kind: row.kind,
    to: row.to_address,
    subject: row.subject,
    status: row.status,
    attempts: row.attempts,
    createdAt: row.created_at.toISOString(),
    sentAt: row.sent_at?.toISOString() ?? null,
    lastError: row.last_error,
    nextAttemptAt: row.status === 'pending' ? row.next_attempt_at.toISOString() : null,
  };
}

export async function findOutboxMessage(tx: Scoped, id: string, lock = false): Promise<OutboxRow | undefined> {
  const result = await tx.query<OutboxRow>(
    `SELECT ${OUTBOX_COLUMNS} FROM outbox WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
    [id],
  );
  return result.rows[0];
}
