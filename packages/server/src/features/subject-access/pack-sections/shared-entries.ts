import { bodyContext, iso } from '../../journal/entry-record.js';
import { packSection, words } from '../pack-section.js';

/**
 * The journal entries the client shared with their therapist (and has not withdrawn). Private entries
 * are the client's own: only they can read them, in their journal's export, so they are not here.
 */
export const PRIVATE_ENTRIES_LINE =
  'Entries you kept private are yours alone — the practice cannot read them. They are in your journal, ' +
  'and you can download all of them at any time from your journal’s export page.';

export interface SharedEntriesData {
  entries: { kind: string; writtenAt: string; sharedAt: string; body: string }[];
  privateEntries: string;
}

export const sharedEntriesSection = packSection<SharedEntriesData>({
  key: 'shared_entries',
  title: 'Journal entries you shared with your therapist',
  async assemble(tx, scope) {
    const rows = await tx.query<{ id: string; kind: string; created_at: Date; shared_at: Date; body_enc: string }>(
      `SELECT DISTINCT ON (e.id) e.id, e.kind, e.created_at, s.shared_at, e.body_enc
         FROM journal_shares s
         JOIN journal_entries e ON e.practice_id = s.practice_id AND e.client_id = s.client_id AND e.id = s.entry_id
        WHERE s.client_id = $1 AND s.withdrawn_at IS NULL
        ORDER BY e.id, s.shared_at`,
      [scope.clientId],
    );
    const entries = [];
    for (const r of rows.rows) {
      entries.push({
        kind: r.kind,
        writtenAt: iso(r.created_at),
        sharedAt: iso(r.shared_at),
        body: await tx.decrypt(bodyContext(r.id), r.body_enc),
      });
    }
    entries.sort((a, b) => a.writtenAt.localeCompare(b.writtenAt));
    return { entries, privateEntries: PRIVATE_ENTRIES_LINE };
  },
  toPdf(data, print) {
    return [
      ...(data.entries.length === 0
        ? [{ kind: 'paragraph' as const, text: 'You have not shared any journal entries.' }]
        : data.entries.flatMap((e) => [
            {
              kind: 'meta' as const,
              text: `${words(e.kind)}, written ${print.dateTime(e.writtenAt)}, shared ${print.dateTime(e.sharedAt)}`,
            },
            { kind: 'paragraph' as const, text: e.body },
          ])),
      { kind: 'meta', text: data.privateEntries },
    ];
  },
});
