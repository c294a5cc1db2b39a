import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { HttpError } from '../../access/errors.js';
import { Uuid } from '../../http/schemas.js';
import { PublicPracticeParams, PublicProfile } from './public-site-schemas.js';
import { publicPractice } from './public-practice.js';
import { publishedProfiles } from './public-profile.js';

export const PROFILE_NOT_FOUND =
  'This therapist has no public profile at the moment. The list of therapists shows everyone who has.';

/** GET /api/public/practices/:slug/therapists/:therapistId (no sign-in): one published profile, else 404. */
export const publicTherapistRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/public/practices/:slug/therapists/:therapistId',
    {
      schema: {
        tags: ['public'],
        summary: "One therapist's published profile",
        params: Type.Composite([PublicPracticeParams, Type.Object({ therapistId: Uuid })]),
        response: {
          200: Type.Object({ therapist: PublicProfile }),
          404: Type.Ref('ErrorResponse'),
          429: Type.Ref('ErrorResponse'),
        },
      },
    },
    async (request) => {
      const practice = await publicPractice(app, request, request.params.slug);
      return app.ctx.access.run(practice.actor, async (tx) => {
        const [therapist] = await publishedProfiles(tx, practice.slug, request.params.therapistId.toLowerCase());
        if (!therapist) throw new HttpError(404, PROFILE_NOT_FOUND, 'not_found');
        return { therapist };
      });
    },
  );
};
