import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorOf, guard } from '../../http/authenticate.js';
import { Uuid, withErrors } from '../../http/schemas.js';
import { inTurn, iso } from '../journal/entry-record.js';
import { noteEvent, requireNote, snapshotContext, type NoteContent } from './note-record.js';
import { NoteVersion } from './record-schemas.js';

/** GET /api/record/notes/:id/versions (author or current carer): every saved version, oldest first. */
export const noteVersionsRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/record/notes/:id/versions',
    {
      preHandler: guard(app.ctx.access, { roles: ['therapist'] }),
      schema: {
        tags: ['record'],
        summary: "A progress note's version history",
        params: Type.Object({ id: Uuid }),
        response: withErrors({ 200: Type.Object({ versions: Type.Array(NoteVersion) }) }),
      },
    },
    async (request) =>
      app.ctx.access.run(actorOf(request), async (tx) => {
        const id = request.params.id.toLowerCase();
        const row = await requireNote(tx, id, {
          action: 'record.note_versions_viewed',
          subjectType: 'progress_note',
          subjectId: id,
        });
        const result = await tx.query<{
          id: string;
          version: number;
          kind: 'draft' | 'signed';
          saved_by: string;
          saved_by_name: string;
          saved_at: Date;
          snapshot_enc: string;
        }>(
          `SELECT v.id, v.version, v.kind, v.saved_by, u.display_name AS saved_by_name, v.saved_at, v.snapshot_enc
             FROM progress_note_versions v JOIN users u ON u.id = v.saved_by
            WHERE v.note_id = $1 ORDER BY v.version`,
          [id],
        );
        const versions = await inTurn(result.rows, async (v) => {
          const content = JSON.parse(await tx.decrypt(snapshotContext(v.id), v.snapshot_enc)) as NoteContent;
          return {
            version: v.version,
            kind: v.kind,
            savedBy: { id: v.saved_by, displayName: v.saved_by_name },
            savedAt: iso(v.saved_at),
            ...content,
          };
        });
        tx.audit({ ...noteEvent('record.note_versions_viewed', row), details: { versions: versions.length } });
        return { versions };
      }),
  );
};
