import { Type } from '@sinclair/typebox';
import type { Scoped } from '../../access/access-layer.js';
import { byName, inTurn, tagNameContext } from './entry-record.js';

/** The client's tags: names decrypted, with how many entries carry each, sorted by name. */
export const TagWithCount = Type.Object({ id: Type.String(), name: Type.String(), count: Type.Integer() });

export interface ClientTag {
  id: string;
  name: string;
  count: number;
}

export async function clientTags(tx: Scoped, clientId: string): Promise<ClientTag[]> {
  const rows = await tx.query<{ id: string; name_enc: string; count: number }>(
    `SELECT t.id, t.name_enc, (SELECT count(*)::int FROM journal_entry_tags et WHERE et.tag_id = t.id) AS count
       FROM journal_tags t WHERE t.client_id = $1`,
    [clientId],
  );
  const tags = await inTurn(rows.rows, async (r) => ({
    id: r.id,
    name: await tx.decrypt(tagNameContext(r.id), r.name_enc),
    count: r.count,
  }));
  return tags.sort(byName);
}

/** Names compared as a person would: the same letters whatever their case or composed form. */
export const sameTagName = (a: string, b: string) =>
  a.normalize('NFC').toLowerCase() === b.normalize('NFC').toLowerCase();
