import type { Scoped } from '../../access/access-layer.js';

/** Whether the signed-in client turned on their own "my patterns" view (off until they do). */
export async function ownViewOn(tx: Scoped, clientId: string): Promise<boolean> {
  const result = await tx.query<{ own_view: boolean }>('SELECT own_view FROM patterns_settings WHERE client_id = $1', [
    clientId,
  ]);
  return result.rows[0]?.own_view ?? false;
}
