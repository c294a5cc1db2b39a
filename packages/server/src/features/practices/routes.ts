import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { crisisLinesFor, practiceOfRequest } from './crisis-lines.js';

const PublicPractice = Type.Object({
  id: Type.String({ format: 'uuid' }),
  name: Type.String(),
  slug: Type.String(),
  isDemo: Type.Boolean(),
});

const Resource = Type.Object({
  name: Type.String(),
  action: Type.String(),
  href: Type.Optional(Type.String()),
  availability: Type.String(),
});

/** Public: which practices this instance serves (for sign-in) and where to find help now. */
export const practiceRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/practices',
    {
      schema: {
        tags: ['public'],
        summary: 'The practices this instance serves, and whether first-run setup is still needed',
        response: {
          200: Type.Object({
            needsSetup: Type.Boolean(),
            demoMode: Type.Boolean(),
            practices: Type.Array(PublicPractice),
          }),
        },
      },
    },
    async () => {
      const practices = await app.ctx.access.listPractices();
      return {
        needsSetup: practices.length === 0,
        demoMode: app.ctx.config.demo,
        practices: practices.map(({ id, name, slug, isDemo }) => ({ id, name, slug, isDemo })),
      };
    },
  );

  app.get(
    '/api/crisis-resources',
    {
      schema: {
        tags: ['public'],
        summary: 'Crisis lines for the practice of the request: its region’s, then its own (shown without signing in)',
        querystring: Type.Object({
          /** The public site's practice (`/p/<slug>`); ignored when someone is signed in. */
          practice: Type.Optional(Type.String({ maxLength: 100 })),
        }),
        response: {
          200: Type.Object({
            region: Type.String(),
            emergency: Resource,
            resources: Type.Array(Resource),
          }),
        },
      },
    },
    async (request) => {
      const practices = await app.ctx.access.listPractices();
      const practice = practiceOfRequest(practices, request.auth?.actor.practiceId, request.query.practice);
      return crisisLinesFor(app.ctx.access, practice);
    },
  );
};
