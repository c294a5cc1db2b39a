import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorOf, guard } from '../../http/authenticate.js';
import { Uuid, withErrors } from '../../http/schemas.js';
import { packFileName, requirePack } from './pack-record.js';

/**
 * GET /api/subject-access/packs/:id/json (admin, who delivers it): the prepared pack's JSON, byte for
 * byte as prepared (its SHA-256 is checked first), as an attachment that no cache keeps.
 */
export const downloadPackJsonRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/subject-access/packs/:id/json',
    {
      preHandler: guard(app.ctx.access, { roles: ['admin'] }),
      schema: {
        tags: ['subject-access'],
        summary: 'Download a prepared subject access pack as JSON',
        params: Type.Object({ id: Uuid }),
        response: {
          ...withErrors({}),
          200: {
            description: 'The pack as prepared (application/json, an attachment)',
            content: { 'application/json': { schema: Type.Object({ formatVersion: Type.Integer() }) } },
          },
        },
      },
    },
    async (request, reply) => {
      const id = request.params.id.toLowerCase();
      const pack = await app.ctx.access.run(actorOf(request), async (tx) => {
        const event = {
          action: 'subject_access.pack_downloaded' as const,
          subjectType: 'subject_access_pack',
          subjectId: id,
        };
        const found = await requirePack(tx, id, event);
        tx.audit({
          ...event,
          subjectUserId: found.clientId,
          details: { format: 'json', version: found.version, requestId: found.requestId },
        });
        return found;
      });
      return reply
        .header('Content-Type', 'application/json; charset=utf-8')
        .header('Content-Disposition', `attachment; filename="${packFileName(pack, 'json')}"`)
        .header('Cache-Control', 'no-store')
        .send(Buffer.from(pack.json, 'utf8'));
    },
  );
};
