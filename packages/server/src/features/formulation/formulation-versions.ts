import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorOf, guard } from '../../http/authenticate.js';
import { Uuid, withErrors } from '../../http/schemas.js';
import { inTurn, iso } from '../journal/entry-record.js';
import { formulationEvent, requireEpisode, snapshotContext } from './formulation-record.js';
import { FormulationVersion, type FormulationContent } from './formulation-schemas.js';

/** GET /api/record/episodes/:episodeId/formulation/versions (current carers): every saved version, newest first. */
export const formulationVersionsRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/record/episodes/:episodeId/formulation/versions',
    {
      preHandler: guard(app.ctx.access, { roles: ['therapist'] }),
      schema: {
        tags: ['record'],
        summary: "A case formulation's version history",
        params: Type.Object({ episodeId: Uuid }),
        response: withErrors({ 200: Type.Object({ versions: Type.Array(FormulationVersion) }) }),
      },
    },
    async (request) =>
      app.ctx.access.run(actorOf(request), async (tx) => {
        const episodeId = request.params.episodeId.toLowerCase();
        const episode = await requireEpisode(tx, episodeId, {
          action: 'record.formulation_versions_viewed',
          subjectType: 'episode',
          subjectId: episodeId,
        });
        const result = await tx.query<{
          id: string;
          version: number;
          saved_by: string;
          saved_by_name: string;
          saved_at: Date;
          snapshot_enc: string;
        }>(
          `SELECT v.id, v.version, v.saved_by, u.display_name AS saved_by_name, v.saved_at, v.snapshot_enc
             FROM formulation_versions v
             JOIN formulations f ON f.id = v.formulation_id
             JOIN users u ON u.id = v.saved_by
            WHERE f.episode_id = $1 ORDER BY v.version DESC`,
          [episodeId],
        );
        const versions = await inTurn(result.rows, async (v) => ({
          version: v.version,
          savedBy: { id: v.saved_by, displayName: v.saved_by_name },
          savedAt: iso(v.saved_at),
          ...(JSON.parse(await tx.decrypt(snapshotContext(v.id), v.snapshot_enc)) as FormulationContent),
        }));
        tx.audit({
          ...formulationEvent('record.formulation_versions_viewed', episode),
          details: { versions: versions.length },
        });
        return { versions };
      }),
  );
};
