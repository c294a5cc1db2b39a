import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { crisisResourcesFor, regionForTimeZone } from '@undercurrent/clinical';
import { systemActor } from '../../access/actor.js';
import { asCrisisLine } from '../safeguarding/crisis-resource-rules.js';
import { loadLocalResources } from '../safeguarding/crisis-resources-record.js';
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
      // The practice of the request: the signed-in person's, else the public site's slug, else the
      // instance's only practice. With several practices and neither, the region defaults alone.
      const practices = await app.ctx.access.listPractices();
      const signedIn = request.auth?.actor.practiceId;
      const slug = request.query.practice;
      const practice = signedIn
        ? practices.find((p) => p.id === signedIn)
        : slug
          ? practices.find((p) => p.slug === slug)
          : practices.length === 1
            ? practices[0]
            : undefined;
      if (!practice) return crisisResourcesFor(regionForTimeZone('Europe/London'));
      // The region the practice chose in its safeguarding settings (by default, from its time zone),
      // then the practice's own resources in the order its admin chose.
      return app.ctx.access.run(systemActor(practice.id), async (tx) => {
        const settings = await loadSafeguardingSettings(tx);
        const region = crisisResourcesFor(settings.region);
        const local = await loadLocalResources(tx);
        return { ...region, resources: [...region.resources, ...local.map(asCrisisLine)] };
      });
    },
  );
};
