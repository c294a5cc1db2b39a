import type { Scoped } from '../../access/access-layer.js';

/**
 * Deleting enquiries that did not become clients (migration 0019): on an administrator's request
 * (`intake-delete.ts`) and after the practice's retention period (`jobs/delete-old-enquiries.ts`).
 */
export const RETENTION_MIN_DAYS = 30;
export const RETENTION_MAX_DAYS = 3650;

/** Statuses the retention job deletes: answered and closed, or a proposed time the person never took up. */
export const RETENTION_STATUSES = ['referred_on', 'time_proposed'] as const;

/** The e-mails that went to the person about their enquiry: their address and link, nothing else's. */
const PERSON_EMAIL_KINDS = ['intake_received', 'intake_answered'];

export async function loadRetentionDays(tx: Scoped): Promise<number> {
  const rows = await tx.query<{ days: number }>(
    'SELECT enquiry_retention_days AS days FROM practices WHERE id = app_practice_id()',
  );
  return rows.rows[0]?.days ?? 183;
}

/**
 * Deletes the intakes (never an accepted one: the row-level policy refuses it too) and what hangs off
 * them alone: the held consultation slot is the intake row's own request, so it goes with the row;
 * the e-mails to the person (their address and private link) go once no other enquiry of theirs is
 * left at the practice. Answers how many of each were deleted.
 */
export async function deleteIntakes(tx: Scoped, ids: string[]): Promise<{ intakes: number; emails: number }> {
  if (ids.length === 0) return { intakes: 0, emails: 0 };
  const deleted = await tx.query<{ email: string }>(
    `DELETE FROM intakes WHERE id = ANY($1::uuid[]) AND status <> 'accepted' RETURNING email`,
    [ids],
  );
  const addresses = [...new Set(deleted.rows.map((r) => r.email))];
  const emails =
    addresses.length === 0
      ? 0
      : ((
          await tx.query(
            `DELETE FROM outbox o
              WHERE o.kind = ANY($2::text[]) AND o.to_address = ANY($1::text[])
                AND NOT EXISTS (SELECT 1 FROM intakes i WHERE i.practice_id = o.practice_id AND i.email = o.to_address)`,
            [addresses, PERSON_EMAIL_KINDS],
          )
        ).rowCount ?? 0);
  return { intakes: deleted.rowCount ?? 0, emails };
}
