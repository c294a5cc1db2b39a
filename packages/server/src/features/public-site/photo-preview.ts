import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { HttpError } from '../../access/errors.js';
import { hasRole } from '../../access/actor.js';
import { actorOf, guard } from '../../http/authenticate.js';
import { Uuid } from '../../http/schemas.js';

/**
 * GET /api/public-site/photos/:photoId (the therapist who uploaded it, or an admin): a photo not yet
 * published, to see a draft as it will look. Not cached (it is under /api).
 */
export const photoPreviewRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/public-site/photos/:photoId',
    {
      preHandler: guard(app.ctx.access, { roles: ['therapist', 'admin'] }),
      schema: {
        tags: ['public-site'],
        summary: 'A profile photo, published or not (its therapist, or an admin)',
        params: Type.Object({ photoId: Uuid }),
        response: {
          200: { description: 'The photo', content: { 'image/*': { schema: Type.String() } } },
          401: Type.Ref('ErrorResponse'),
          403: Type.Ref('ErrorResponse'),
          404: Type.Ref('ErrorResponse'),
        },
      },
    },
    async (request, reply) => {
      const photo = await app.ctx.access.run(actorOf(request), async (tx) => {
        const found = await tx.query<{ content_type: string; bytes: Buffer }>(
          `SELECT content_type, bytes FROM profile_photos WHERE id = $1 AND ($2::boolean OR therapist_id = $3)`,
          [request.params.photoId.toLowerCase(), hasRole(tx.actor, 'admin'), tx.actor.userId],
        );
        return found.rows[0];
      });
      if (!photo) throw new HttpError(404, 'There is no photo at this address.', 'not_found');
      return reply.type(photo.content_type).send(photo.bytes);
    },
  );
};
