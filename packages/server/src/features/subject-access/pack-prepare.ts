import crypto from 'node:crypto';
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorOf, guard } from '../../http/authenticate.js';
import { Uuid, withErrors } from '../../http/schemas.js';
import { iso } from '../journal/entry-record.js';
import {
  assembleSections,
  PACK_FORMAT,
  PACK_FORMAT_VERSION,
  serialisePack,
  type PackDocument,
} from './pack-document.js';
import { packContext } from './pack-record.js';
import { withCounts } from './process-note-counts.js';
import { toDetail } from './request-detail.js';
import { practiceToday, requestEvent, requireOpen, requireRequest } from './request-record.js';
import { SarDetail } from './subject-access-schemas.js';

/**
 * POST /api/subject-access/requests/:id/packs (admin): prepares a new version of the pack. The
 * client's record is read by the system actor (pack-document.ts) — the admin never reads a progress
 * note except inside a prepared pack — and stored encrypted with the SHA-256 of its JSON, who
 * prepared it and when, so what is delivered is exactly what was prepared. Process notes go in only
 * where their author chose to include them. The request becomes "pack ready".
 */
export const preparePackRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/subject-access/requests/:id/packs',
    {
      preHandler: guard(app.ctx.access, { roles: ['admin'] }),
      schema: {
        tags: ['subject-access'],
        summary: 'Prepare a new version of the subject access pack',
        params: Type.Object({ id: Uuid }),
        response: withErrors({ 201: Type.Object({ request: SarDetail }) }),
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const id = request.params.id.toLowerCase();
      const event = {
        action: 'subject_access.pack_prepared' as const,
        subjectType: 'subject_access_request',
        subjectId: id,
      };
      const scope = await app.ctx.access.run(actor, async (tx) => {
        const row = await requireRequest(tx, id, event);
        requireOpen(tx, row, event);
        const practice = await tx.query<{ time_zone: string }>(
          'SELECT time_zone FROM practices WHERE id = app_practice_id()',
        );
        return {
          practiceId: actor.practiceId,
          requestId: id,
          clientId: row.client_id,
          timeZone: practice.rows[0]?.time_zone ?? 'Europe/London',
        };
      });
      const sections = await assembleSections(app.ctx.access, scope, request.id);
      const detail = await app.ctx.access.run(actor, async (tx) => {
        const row = await requireRequest(tx, id, event, true);
        requireOpen(tx, row, event);
        const facts = await tx.query<{ name: string; version: number; prepared_by: string; now: Date }>(
          `SELECT (SELECT name FROM practices WHERE id = app_practice_id()) AS name,
                  (SELECT coalesce(max(version), 0) + 1 FROM subject_access_packs WHERE request_id = $1)::int AS version,
                  (SELECT display_name FROM users WHERE id = $2) AS prepared_by, now() AS now`,
          [id, actor.userId],
        );
        const f = facts.rows[0];
        if (!f) throw new Error('no practice in scope while preparing a pack');
        const document: PackDocument = {
          format: PACK_FORMAT,
          formatVersion: PACK_FORMAT_VERSION,
          practice: { name: f.name, timeZone: scope.timeZone },
          request: {
            id,
            receivedOn: row.received_on,
            dueOn: row.extended_due_on ?? row.due_on,
            channel: row.channel,
            requester: row.requester,
          },
          client: { id: row.client_id, displayName: row.client_name },
          version: f.version,
          preparedAt: iso(f.now),
          preparedBy: f.prepared_by,
          sections,
        };
        const { json, sha256, byteSize } = serialisePack(document);
        const included =
          (sections.find((s) => s.key === 'process_notes')?.data as { notes?: unknown[] } | undefined)?.notes?.length ??
          0;
        const packId = crypto.randomUUID();
        await tx.query(
          `INSERT INTO subject_access_packs (id, practice_id, request_id, version, body_enc, sha256, byte_size,
             included_process_notes, prepared_at, prepared_by)
           VALUES ($1, app_practice_id(), $2, $3, $4, $5, $6, $7, $8, $9)`,
          [
            packId,
            id,
            f.version,
            await tx.encrypt('clinical', packContext(packId), json),
            sha256,
            byteSize,
            included,
            f.now,
            actor.userId,
          ],
        );
        await tx.query(`UPDATE subject_access_requests SET status = 'pack_ready', updated_at = now() WHERE id = $1`, [
          id,
        ]);
        tx.audit({
          ...requestEvent('subject_access.pack_prepared', row),
          details: { packId, version: f.version, sha256, includedProcessNotes: included },
        });
        const updated = await requireRequest(tx, id, event);
        return toDetail(tx, updated, [], await practiceToday(tx));
      });
      reply.code(201);
      return { request: await withCounts(app.ctx.access, actor.practiceId, detail, request.id) };
    },
  );
};
