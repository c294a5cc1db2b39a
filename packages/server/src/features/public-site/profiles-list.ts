import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorOf, guard } from '../../http/authenticate.js';
import { withErrors } from '../../http/schemas.js';
import { listProfiles } from './profile-record.js';
import { ProfileState } from './public-site-schemas.js';

/** GET /api/public-site/profiles (admin): every therapist's profile — draft, published, changes waiting. */
export const listProfilesRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/public-site/profiles',
    {
      preHandler: guard(app.ctx.access, { roles: ['admin'] }),
      schema: {
        tags: ['public-site'],
        summary: "The therapists' directory profiles, for publishing",
        response: withErrors({ 200: Type.Object({ profiles: Type.Array(ProfileState) }) }),
      },
    },
    async (request) => app.ctx.access.run(actorOf(request), async (tx) => ({ profiles: await listProfiles(tx) })),
  );
};
