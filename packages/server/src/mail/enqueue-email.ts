import type { Scoped } from '../access/access-layer.js';

/**
 * Every e-mail goes through the outbox in the same transaction as the change that caused it. The
 * body (it may hold a single-use link) is encrypted with the practice's data key; the subject and
 * recipient are stored plain so admins can find a message. With no SMTP configured, messages are
 * 'held' for the admin to open in the UI; otherwise 'pending' until the outbox worker delivers them.
 */
export interface EmailInput {
  kind: string;
  to: string;
  subject: string;
  text: string;
}

export const outboxBodyContext = (id: string) => `outbox:${id}`;

export async function enqueueEmail(tx: Scoped, email: EmailInput, smtpConfigured: boolean): Promise<string> {
  const created = await tx.query<{ id: string }>('SELECT gen_random_uuid() AS id');
  const id = created.rows[0]?.id;
  if (!id) throw new Error('could not allocate an outbox id');
  const bodyEnc = await tx.encrypt('clinical', outboxBodyContext(id), email.text);
  await tx.query(
    `INSERT INTO outbox (id, practice_id, kind, to_address, subject, body_enc, status)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [id, tx.actor.practiceId, email.kind, email.to, email.subject, bodyEnc, smtpConfigured ? 'pending' : 'held'],
  );
  return id;
}
