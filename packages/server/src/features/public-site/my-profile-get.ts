import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorOf, guard } from '../../http/authenticate.js';
import { withErrors } from '../../http/schemas.js';
import { selfId } from '../frame/care-access.js';
import { findProfile } from './profile-record.js';
import { ProfileState } from './public-site-schemas.js';

/** GET /api/public-site/my-profile (therapist): my directory profile — my draft and what is published. */
export const getMyProfileRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/public-site/my-profile',
    {
      preHandler: guard(app.ctx.access, { roles: ['therapist'] }),
      schema: {
        tags: ['public-site'],
        summary: 'My directory profile',
        response: withErrors({ 200: ProfileState }),
      },
    },
    async (request) =>
      app.ctx.access.run(actorOf(request), async (tx) => {
        const profile = await findProfile(tx, selfId(tx));
        if (!profile) throw new Error('a signed-in therapist has no profile state');
        return profile;
      }),
  );
};
