import type { Scoped } from '../../access/access-layer.js';
import type { Alert } from './safeguarding-schemas.js';

/** Reading alerts: the columns every list selects, and the row → Alert shape. */
export const ALERT_COLUMNS = `a.id, a.client_id, c.display_name AS client_name, a.trigger, a.reason, a.raised_at,
  a.acknowledged_at, ack.display_name AS acknowledged_by, a.escalated_at, lead.display_name AS escalated_to,
  (a.escalated_to IS NOT NULL AND a.escalated_to = app_user_id()) AS as_lead`;
export const ALERT_JOINS = `JOIN users c ON c.id = a.client_id
  LEFT JOIN users ack ON ack.id = a.acknowledged_by
  LEFT JOIN users lead ON lead.id = a.escalated_to`;

export interface AlertRow {
  id: string;
  client_id: string;
  client_name: string;
  trigger: Alert['trigger'];
  reason: string;
  raised_at: Date;
  acknowledged_at: Date | null;
  acknowledged_by: string | null;
  escalated_at: Date | null;
  escalated_to: string | null;
  as_lead: boolean;
}

export function toAlert(row: AlertRow): Alert {
  return {
    id: row.id,
    client: { id: row.client_id, name: row.client_name },
    trigger: row.trigger,
    reason: row.reason,
    raisedAt: row.raised_at.toISOString(),
    acknowledgedAt: row.acknowledged_at?.toISOString() ?? null,
    acknowledgedBy: row.acknowledged_by,
    escalatedAt: row.escalated_at?.toISOString() ?? null,
    escalatedTo: row.escalated_to,
    asClinicalLead: row.as_lead,
  };
}

/** The signed-in person's alerts (row-level security: as carer or as the lead escalated to), newest first. */
export async function myAlerts(tx: Scoped, clientId?: string): Promise<Alert[]> {
  const rows = await tx.query<AlertRow>(
    `SELECT ${ALERT_COLUMNS} FROM safeguarding_alerts a ${ALERT_JOINS}
      WHERE ($1::uuid IS NULL OR a.client_id = $1)
      ORDER BY a.acknowledged_at IS NULL DESC, a.raised_at DESC LIMIT 200`,
    [clientId ?? null],
  );
  return rows.rows.map(toAlert);
}

export const decisionContext = (id: string) => `safeguarding_decisions.record_enc:${id}`;
