import type { Scoped } from '../../access/access-layer.js';
import { refuse } from '../../access/refuse.js';
import type { AuditInput } from '../../audit/audit-event.js';
import { iso } from '../journal/entry-record.js';
import type { Letter, Letterhead } from './letters-schemas.js';

/**
 * Reading letters. Row-level security already limits letter rows to their author and the
 * therapists currently caring for the client (never the admin, a supervisor or the client); the
 * recipient, subject and body are decrypted per request.
 */
export const recipientNameContext = (id: string) => `letters.recipient_name_enc:${id}`;
export const recipientAddressContext = (id: string) => `letters.recipient_address_enc:${id}`;
export const subjectContext = (id: string) => `letters.subject_enc:${id}`;
export const bodyContext = (id: string) => `letters.body_enc:${id}`;

export const NO_SUCH_LETTER = 'There is no such letter in the records you look after.';
export const FINAL_MESSAGE = 'This letter is filed in the record and cannot be changed. Write a new letter instead.';

export interface LetterRow {
  id: string;
  client_id: string;
  client_name: string;
  author_id: string;
  author_name: string;
  template_id: string | null;
  status: 'draft' | 'final';
  version: number;
  recipient_name_enc: string;
  recipient_address_enc: string;
  subject_enc: string;
  body_enc: string;
  letterhead: Letterhead | null;
  finalised_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

export const LETTER_SELECT = `SELECT l.id, l.client_id, cu.display_name AS client_name, l.author_id,
    au.display_name AS author_name, l.template_id, l.status, l.version, l.recipient_name_enc,
    l.recipient_address_enc, l.subject_enc, l.body_enc, l.letterhead, l.finalised_at, l.created_at, l.updated_at
  FROM letters l
  JOIN users au ON au.id = l.author_id
  JOIN users cu ON cu.id = l.client_id`;

/** A letter the signed-in therapist may see (locked for a change when `forUpdate`), or undefined. */
export async function findLetterRow(tx: Scoped, id: string, forUpdate = false): Promise<LetterRow | undefined> {
  const result = await tx.query<LetterRow>(`${LETTER_SELECT} WHERE l.id = $1${forUpdate ? ' FOR UPDATE OF l' : ''}`, [
    id,
  ]);
  return result.rows[0];
}

/** The letter, or a 404 refusal (audited) that does not reveal whether it exists. */
export async function requireLetter(tx: Scoped, id: string, event: AuditInput, forUpdate = false): Promise<LetterRow> {
  const row = await findLetterRow(tx, id, forUpdate);
  if (!row) refuse(tx, event, 404, 'not_found', NO_SUCH_LETTER);
  return row;
}

/** The audit event about a letter: the client is its subject, so it shows in their "who opened my record". */
export function letterEvent(action: AuditInput['action'], row: LetterRow): AuditInput {
  return { action, subjectType: 'letter', subjectId: row.id, subjectUserId: row.client_id };
}

/** Refuses (403) a change only the letter's author may make. */
export function requireLetterAuthor(tx: Scoped, row: LetterRow, event: AuditInput, what: string): void {
  if (row.author_id !== tx.actor.userId) {
    refuse(tx, event, 403, 'not_author', `Only the therapist who wrote this letter can ${what}.`);
  }
}

/** Refuses a change to a filed letter (409 final) or over a version that is no longer the stored one (409 stale). */
export function requireLetterDraftAt(tx: Scoped, row: LetterRow, baseVersion: number, event: AuditInput): void {
  if (row.status === 'final') refuse(tx, event, 409, 'final', FINAL_MESSAGE);
  if (row.version !== baseVersion) {
    refuse(
      tx,
      event,
      409,
      'stale',
      `This letter was saved somewhere else since you opened it (you had version ${baseVersion}; it is now at version ${row.version}). Copy what you changed, reload the letter, and save again.`,
    );
  }
}

export interface LetterContent {
  recipientName: string;
  recipientAddress: string;
  subject: string;
  body: string;
}

export async function decryptLetter(tx: Scoped, row: LetterRow): Promise<LetterContent> {
  return {
    recipientName: await tx.decrypt(recipientNameContext(row.id), row.recipient_name_enc),
    recipientAddress: await tx.decrypt(recipientAddressContext(row.id), row.recipient_address_enc),
    subject: await tx.decrypt(subjectContext(row.id), row.subject_enc),
    body: await tx.decrypt(bodyContext(row.id), row.body_enc),
  };
}

/** The encrypted columns of a letter's content. */
export async function sealLetter(tx: Scoped, id: string, content: LetterContent) {
  return {
    recipientNameEnc: await tx.encrypt('clinical', recipientNameContext(id), content.recipientName),
    recipientAddressEnc: await tx.encrypt('clinical', recipientAddressContext(id), content.recipientAddress),
    subjectEnc: await tx.encrypt('clinical', subjectContext(id), content.subject),
    bodyEnc: await tx.encrypt('clinical', bodyContext(id), content.body),
  };
}

export async function toLetter(tx: Scoped, row: LetterRow, known?: LetterContent): Promise<Letter> {
  const content = known ?? (await decryptLetter(tx, row));
  return {
    id: row.id,
    clientId: row.client_id,
    author: { id: row.author_id, displayName: row.author_name },
    templateId: row.template_id,
    status: row.status,
    version: row.version,
    ...content,
    finalisedAt: row.finalised_at ? iso(row.finalised_at) : null,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}
