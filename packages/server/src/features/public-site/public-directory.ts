import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { PublicPracticeParams, PublicProfile } from './public-site-schemas.js';
import { publicPractice } from './public-practice.js';
import { publishedProfiles } from './public-profile.js';

/** GET /api/public/practices/:slug/therapists (no sign-in): the directory — published profiles only. */
export const publicDirectoryRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/public/practices/:slug/therapists',
    {
      schema: {
        tags: ['public'],
        summary: "The practice's therapists: their published profiles and current availability",
        params: PublicPracticeParams,
        response: {
          200: Type.Object({ therapists: Type.Array(PublicProfile) }),
          404: Type.Ref('ErrorResponse'),
          429: Type.Ref('ErrorResponse'),
        },
      },
    },
    async (request) => {
      const practice = await publicPractice(app, request, request.params.slug);
      return app.ctx.access.run(practice.actor, async (tx) => ({
        therapists: await publishedProfiles(tx, practice.slug),
      }));
    },
  );
};
