import crypto from 'node:crypto';
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Scoped } from '../../access/access-layer.js';
import { refuse } from '../../access/refuse.js';
import { actorOf, guard } from '../../http/authenticate.js';
import { Uuid, withErrors } from '../../http/schemas.js';
import { selfId } from '../frame/care-access.js';
import {
  decryptFormulation,
  findFormulationRow,
  formulationEvent,
  requireEpisode,
  sealFormulation,
  snapshotContext,
  toFormulation,
} from './formulation-record.js';
import { Formulation, FormulationSave, type FormulationContent } from './formulation-schemas.js';
import { checkFormulation } from './formulation-validation.js';

/** Room for every section at its longest in any script, with JSON escaping. */
export const FORMULATION_BODY_LIMIT_BYTES = 2 * 1024 * 1024;

const contentOf = (save: FormulationSave): FormulationContent => ({
  presentingDifficulties: save.presentingDifficulties,
  history: save.history,
  attachmentDevelopment: save.attachmentDevelopment,
  goals: save.goals.map((g) => ({ ...g, text: g.text.trim() })),
  ccrt: save.ccrt,
});

/** Appends the version row of a formulation's content (the whole content, encrypted). */
async function appendVersion(tx: Scoped, formulationId: string, version: number, content: FormulationContent) {
  const id = crypto.randomUUID();
  await tx.query(
    `INSERT INTO formulation_versions (id, practice_id, formulation_id, version, snapshot_enc, saved_by)
     VALUES ($1, app_practice_id(), $2, $3, $4, $5)`,
    [
      id,
      formulationId,
      version,
      await tx.encrypt('clinical', snapshotContext(id), JSON.stringify(content)),
      selfId(tx),
    ],
  );
}

/**
 * PUT /api/record/episodes/:episodeId/formulation (a therapist currently caring for the client):
 * saves the formulation over the version the therapist last had (0 when there was none) as the next
 * version; every version is kept. A save over a version that is no longer the stored one is refused
 * (409) and nothing stored changes, so two carers never overwrite each other unseen.
 */
export const saveFormulationRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.put(
    '/api/record/episodes/:episodeId/formulation',
    {
      preHandler: guard(app.ctx.access, { roles: ['therapist'] }),
      bodyLimit: FORMULATION_BODY_LIMIT_BYTES,
      schema: {
        tags: ['record'],
        summary: "Save an episode's case formulation",
        params: Type.Object({ episodeId: Uuid }),
        body: FormulationSave,
        response: withErrors({ 200: Type.Object({ formulation: Formulation }) }),
      },
    },
    async (request) =>
      app.ctx.access.run(actorOf(request), async (tx) => {
        const episodeId = request.params.episodeId.toLowerCase();
        const episode = await requireEpisode(tx, episodeId, {
          action: 'record.formulation_saved',
          subjectType: 'episode',
          subjectId: episodeId,
        });
        const event = formulationEvent('record.formulation_saved', episode);
        const row = await findFormulationRow(tx, episodeId, true);
        const current = row?.version ?? 0;
        const { baseVersion } = request.body;
        if (baseVersion !== current) {
          refuse(
            tx,
            event,
            409,
            'stale',
            current === 0
              ? 'This formulation is not saved yet, but your page thought it was. Copy what you wrote, reload, and save again.'
              : `This formulation was saved somewhere else since you opened it (you had version ${baseVersion}; it is now at version ${current}). Copy what you changed, reload the formulation, and save again.`,
          );
        }
        const content = contentOf(request.body);
        await checkFormulation(tx, content, row ? await decryptFormulation(tx, row) : undefined, event);
        const version = current + 1;
        const id = row?.id ?? crypto.randomUUID();
        const sealed = await sealFormulation(tx, id, content);
        if (row) {
          await tx.query(
            `UPDATE formulations SET content_enc = $2, ccrt_clusters = $3::jsonb, version = $4, updated_by = $5,
                    updated_at = now()
              WHERE id = $1`,
            [id, sealed.contentEnc, sealed.clusters, version, selfId(tx)],
          );
        } else {
          const inserted = await tx.query(
            `INSERT INTO formulations (id, practice_id, episode_id, client_id, version, content_enc, ccrt_clusters,
                                       created_by, updated_by)
             VALUES ($1, app_practice_id(), $2, $3, 1, $4, $5::jsonb, $6, $6)
             ON CONFLICT (practice_id, episode_id) DO NOTHING`,
            [id, episodeId, episode.client_id, sealed.contentEnc, sealed.clusters, selfId(tx)],
          );
          if (inserted.rowCount === 0) {
            refuse(
              tx,
              event,
              409,
              'stale',
              'Someone else saved a formulation for this episode a moment ago. Copy what you wrote, reload, and save again.',
            );
          }
        }
        await appendVersion(tx, id, version, content);
        tx.audit({
          ...event,
          details: {
            version,
            goals: content.goals.length,
            clusters:
              content.ccrt.W.clusterIds.length + content.ccrt.RO.clusterIds.length + content.ccrt.RS.clusterIds.length,
          },
        });
        return { formulation: await toFormulation(tx, episode, await findFormulationRow(tx, episodeId), content) };
      }),
  );
};
