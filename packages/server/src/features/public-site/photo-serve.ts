import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { HttpError } from '../../access/errors.js';
import { Uuid } from '../../http/schemas.js';
import { PublicPracticeParams } from './public-site-schemas.js';
import { publicPractice } from './public-practice.js';

export const PHOTO_NOT_FOUND = 'There is no photo at this address.';

/**
 * GET /media/:slug/photos/:photoId (no sign-in): a photo a published profile shows, and no other (a
 * draft's photo stays private until the admin publishes it). Outside /api so it may be cached: each
 * upload has its own id, so the bytes at an address never change — a year, immutable. The type is the
 * one read from the bytes at upload.
 */
export const photoServeRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/media/:slug/photos/:photoId',
    {
      schema: {
        tags: ['public'],
        summary: 'A published profile photo (PNG, JPEG or WebP)',
        params: Type.Composite([PublicPracticeParams, Type.Object({ photoId: Uuid })]),
        response: {
          200: { description: 'The photo', content: { 'image/*': { schema: Type.String() } } },
          404: Type.Ref('ErrorResponse'),
          429: Type.Ref('ErrorResponse'),
        },
      },
    },
    async (request, reply) => {
      const practice = await publicPractice(app, request, request.params.slug);
      const photo = await app.ctx.access.run(practice.actor, async (tx) => {
        const found = await tx.query<{ content_type: string; bytes: Buffer }>(
          `SELECT ph.content_type, ph.bytes FROM profile_photos ph
            WHERE ph.id = $1 AND EXISTS (
              SELECT 1 FROM therapist_profiles t
                JOIN users u ON u.practice_id = t.practice_id AND u.id = t.therapist_id AND u.status = 'active'
               WHERE t.therapist_id = ph.therapist_id AND t.published ->> 'photoId' = ph.id::text)`,
          [request.params.photoId.toLowerCase()],
        );
        return found.rows[0];
      });
      if (!photo) throw new HttpError(404, PHOTO_NOT_FOUND, 'not_found');
      reply.header('Cache-Control', 'public, max-age=31536000, immutable');
      return reply.type(photo.content_type).send(photo.bytes);
    },
  );
};
