import { iso } from '../../journal/entry-record.js';
import { amendmentTextContext, fieldsContext, narrativeContext, reasonContext } from '../../record/note-record.js';
import { BUILT_IN_FIELDS, loadNoteSettings } from '../../record/settings-record.js';
import { packSection, words } from '../pack-section.js';

/**
 * Signed progress notes, each with its structured fields and any amendments. Unsigned drafts are not
 * part of the record yet (their author may still change every word), so they are left out and only
 * counted: the pack says how many there were when it was prepared, and a new version of the pack can
 * be prepared once they are signed.
 */
export interface ProgressNotesData {
  notes: {
    sessionStartsAt: string;
    author: string;
    signedAt: string;
    signedBy: string | null;
    signedLate: boolean;
    narrative: string;
    fields: { label: string; text: string }[];
    interventions: string[];
    defences: { defence: string; level: number }[];
    amendments: { createdAt: string; author: string; reason: string; text: string }[];
  }[];
  unsignedDrafts: number;
}

export const progressNotesSection = packSection<ProgressNotesData>({
  key: 'progress_notes',
  title: 'Your therapist’s session notes',
  async assemble(tx, scope) {
    const rows = await tx.query<{
      id: string;
      status: 'draft' | 'signed';
      author: string;
      signed_by: string | null;
      narrative_enc: string;
      fields_enc: string | null;
      interventions: string[];
      defences: { defence: string; level: number }[];
      session_starts_at: Date;
      signed_at: Date | null;
      signed_late: boolean | null;
    }>(
      `SELECT n.id, n.status, au.display_name AS author, sb.display_name AS signed_by, n.narrative_enc, n.fields_enc,
              n.interventions, n.defences, n.session_starts_at, n.signed_at, n.signed_late
         FROM progress_notes n
         JOIN users au ON au.practice_id = n.practice_id AND au.id = n.author_id
         LEFT JOIN users sb ON sb.practice_id = n.practice_id AND sb.id = n.signed_by
        WHERE n.client_id = $1 ORDER BY n.session_starts_at, n.id`,
      [scope.clientId],
    );
    const settings = await loadNoteSettings(tx);
    const labels = new Map([...BUILT_IN_FIELDS, ...settings.fields].map((f) => [f.key, f.label]));
    const notes: ProgressNotesData['notes'] = [];
    let unsignedDrafts = 0;
    for (const n of rows.rows) {
      if (n.status !== 'signed' || !n.signed_at) {
        unsignedDrafts += 1;
        continue;
      }
      const fields = n.fields_enc
        ? (JSON.parse(await tx.decrypt(fieldsContext(n.id), n.fields_enc)) as Record<string, string>)
        : {};
      const amendments = await tx.query<{
        id: string;
        author: string;
        reason_enc: string;
        text_enc: string;
        created_at: Date;
      }>(
        `SELECT a.id, u.display_name AS author, a.reason_enc, a.text_enc, a.created_at
           FROM progress_note_amendments a JOIN users u ON u.practice_id = a.practice_id AND u.id = a.author_id
          WHERE a.note_id = $1 ORDER BY a.created_at, a.id`,
        [n.id],
      );
      const amended = [];
      for (const a of amendments.rows) {
        amended.push({
          createdAt: iso(a.created_at),
          author: a.author,
          reason: await tx.decrypt(reasonContext(a.id), a.reason_enc),
          text: await tx.decrypt(amendmentTextContext(a.id), a.text_enc),
        });
      }
      notes.push({
        sessionStartsAt: iso(n.session_starts_at),
        author: n.author,
        signedAt: iso(n.signed_at),
        signedBy: n.signed_by,
        signedLate: n.signed_late ?? false,
        narrative: await tx.decrypt(narrativeContext(n.id), n.narrative_enc),
        fields: Object.entries(fields)
          .filter(([, text]) => typeof text === 'string' && text.trim() !== '')
          .map(([key, text]) => ({ label: labels.get(key) ?? words(key), text })),
        interventions: n.interventions,
        defences: n.defences,
        amendments: amended,
      });
    }
    return { notes, unsignedDrafts };
  },
  toPdf(data, print) {
    const blocks = data.notes.flatMap((n) => [
      { kind: 'heading' as const, level: 3 as const, text: `Session of ${print.dateTime(n.sessionStartsAt)}` },
      {
        kind: 'meta' as const,
        text:
          `Written by ${n.author}; signed ${print.dateTime(n.signedAt)}${n.signedBy ? ` by ${n.signedBy}` : ''}` +
          (n.signedLate ? ' (signed late)' : ''),
      },
      { kind: 'paragraph' as const, text: n.narrative },
      ...(n.fields.length > 0
        ? [{ kind: 'fields' as const, rows: n.fields.map((f) => [f.label, f.text] as const) }]
        : []),
      ...(n.interventions.length > 0
        ? [{ kind: 'meta' as const, text: `Interventions: ${n.interventions.map(words).join(', ')}` }]
        : []),
      ...(n.defences.length > 0
        ? [
            {
              kind: 'meta' as const,
              text: `Defences noted: ${n.defences.map((d) => `${words(d.defence)} (level ${d.level})`).join(', ')}`,
            },
          ]
        : []),
      ...n.amendments.flatMap((a) => [
        {
          kind: 'meta' as const,
          text: `Amendment by ${a.author}, ${print.dateTime(a.createdAt)}. Reason: ${a.reason}`,
        },
        { kind: 'paragraph' as const, text: a.text },
      ]),
    ]);
    if (blocks.length === 0) blocks.push({ kind: 'paragraph', text: 'No signed session notes are recorded.' });
    if (data.unsignedDrafts > 0) {
      const one = data.unsignedDrafts === 1;
      blocks.push({
        kind: 'meta',
        text: one
          ? '1 note was still an unsigned draft when this pack was prepared and is not included; ' +
            'you can ask the practice for it once it is signed.'
          : `${data.unsignedDrafts} notes were still unsigned drafts when this pack was prepared and are not ` +
            'included; you can ask the practice for them once they are signed.',
      });
    }
    return blocks;
  },
});
