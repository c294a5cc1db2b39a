import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { crisisResourcesFor, regionForTimeZone } from '@undercurrent/clinical';
import { systemActor } from '../../access/actor.js';
import { loadSafeguardingSettings } from '../safeguarding/settings-record.js';

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
        summary: 'Crisis lines for the region of this instance’s practice (shown without signing in)',
        response: {
          200: Type.Object({
            region: Type.String(),
            emergency: Resource,
            resources: Type.Array(Resource),
          }),
        },
      },
    },
    async () => {
      const practices = await app.ctx.access.listPractices();
      const practice = practices[0];
      if (!practice) return crisisResourcesFor(regionForTimeZone('Europe/London'));
      // The region the practice chose in its safeguarding settings (by default, from its time zone).
      const settings = await app.ctx.access.run(systemActor(practice.id), (tx) => loadSafeguardingSettings(tx));
      return crisisResourcesFor(settings.region);
    },
  );
};
