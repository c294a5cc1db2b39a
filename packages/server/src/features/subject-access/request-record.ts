import type { Scoped } from '../../access/access-layer.js';
import { refuse } from '../../access/refuse.js';
import type { AuditAction, AuditInput } from '../../audit/audit-event.js';
import { iso } from '../journal/entry-record.js';
import { deadlineOf, todayIn } from './due-date.js';
import type { SarDetailView, SarSummaryView } from './subject-access-schemas.js';

/**
 * Reading and describing subject access requests. Row-level security lets the practice admin (and
 * the system) see every request, and a therapist only the requests about a client they have written
 * process notes about. The free text (the representative, notes, extension and closing reasons) is
 * encrypted under the practice's clinical key, bound to its column and row.
 *
 * Audit events name the request and, as subject person, the client: the request concerns their
 * record, so it shows in their "who opened my record".
 */
export const NO_SUCH_REQUEST = 'There is no such subject access request in this practice.';
export const OPEN_STATUSES = ['received', 'in_preparation', 'pack_ready'] as const;

export const sarContext = (column: string, id: string) => `subject_access_requests.${column}:${id}`;

export interface RequestRow {
  id: string;
  client_id: string;
  client_name: string;
  received_on: string;
  channel: SarDetailView['channel'];
  requester: SarDetailView['requester'];
  representative_enc: string | null;
  identity_checked_on: string | null;
  identity_method: SarDetailView['identityMethod'];
  notes_enc: string | null;
  due_on: string;
  extended_due_on: string | null;
  extension_reason_enc: string | null;
  extension_told_on: string | null;
  status: SarDetailView['status'];
  closed_reason_enc: string | null;
  closed_at: Date | null;
  created_at: Date;
}

const day = (column: string) => `to_char(${column}, 'YYYY-MM-DD') AS ${column.split('.')[1] ?? column}`;

export const REQUEST_SELECT = `SELECT r.id, r.client_id, c.display_name AS client_name, ${day('r.received_on')},
    r.channel, r.requester, r.representative_enc, ${day('r.identity_checked_on')}, r.identity_method, r.notes_enc,
    ${day('r.due_on')}, ${day('r.extended_due_on')}, r.extension_reason_enc, ${day('r.extension_told_on')},
    r.status, r.closed_reason_enc, r.closed_at, r.created_at
  FROM subject_access_requests r
  JOIN users c ON c.practice_id = r.practice_id AND c.id = r.client_id`;

export function requestEvent(action: AuditAction, row: { id: string; client_id: string }): AuditInput {
  return { action, subjectType: 'subject_access_request', subjectId: row.id, subjectUserId: row.client_id };
}

/** The request (locked for a change when `forUpdate`), or a 404 refusal (audited). */
export async function requireRequest(
  tx: Scoped,
  id: string,
  event: AuditInput,
  forUpdate = false,
): Promise<RequestRow> {
  const result = await tx.query<RequestRow>(`${REQUEST_SELECT} WHERE r.id = $1${forUpdate ? ' FOR UPDATE OF r' : ''}`, [
    id,
  ]);
  const row = result.rows[0];
  if (!row) refuse(tx, event, 404, 'not_found', NO_SUCH_REQUEST);
  return row;
}

export const isOpen = (status: string) => (OPEN_STATUSES as readonly string[]).includes(status);

/** Refuses (409) a change to a request that has been delivered, withdrawn or refused. */
export function requireOpen(tx: Scoped, row: RequestRow, event: AuditInput): void {
  if (!isOpen(row.status)) {
    refuse(
      tx,
      { ...event, details: { ...event.details, status: row.status } },
      409,
      'closed',
      `This request is already ${row.status === 'delivered' ? 'delivered' : row.status}, so it can no longer be changed.`,
    );
  }
}

/** Today on the practice's wall calendar. */
export async function practiceToday(tx: Scoped): Promise<string> {
  const result = await tx.query<{ time_zone: string }>('SELECT time_zone FROM practices WHERE id = app_practice_id()');
  return todayIn(result.rows[0]?.time_zone ?? 'Europe/London');
}

/** Refuses (400) a date after today: nothing about a request can have happened tomorrow. */
export function notInFuture(
  tx: Scoped,
  event: AuditInput,
  date: string | null | undefined,
  today: string,
  what: string,
) {
  if (date && date > today) {
    refuse(
      tx,
      event,
      400,
      'date_in_future',
      `${what} cannot be in the future (today is ${today}). Please check the date.`,
    );
  }
}

/** Refuses (400) text that is only spaces where words are required. */
export function requireWords(tx: Scoped, event: AuditInput, text: string, message: string): string {
  const trimmed = text.trim();
  if (trimmed === '') refuse(tx, event, 400, 'reason_required', message);
  return trimmed;
}

export async function decryptOptional(tx: Scoped, column: string, id: string, stored: string | null) {
  return stored === null ? null : tx.decrypt(sarContext(column, id), stored);
}

export function toSummary(row: RequestRow, today: string): SarSummaryView {
  const deadline = deadlineOf(row.due_on, row.extended_due_on, isOpen(row.status), today);
  return {
    id: row.id,
    client: { id: row.client_id, displayName: row.client_name },
    receivedOn: row.received_on,
    dueOn: deadline.dueOn,
    originalDueOn: row.due_on,
    extended: row.extended_due_on !== null,
    daysLeft: deadline.daysLeft,
    overdue: deadline.overdue,
    status: row.status,
    createdAt: iso(row.created_at),
  };
}
