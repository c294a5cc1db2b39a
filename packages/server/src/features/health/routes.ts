import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';

const Health = Type.Object({
  status: Type.Union([Type.Literal('ok'), Type.Literal('unavailable')]),
  database: Type.Union([Type.Literal('embedded'), Type.Literal('external')]),
  migration: Type.Integer({ description: 'The latest migration applied' }),
  version: Type.String(),
});

export const healthRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/health',
    {
      schema: {
        tags: ['operations'],
        summary: 'Liveness and readiness: the database answers and the schema is migrated',
        response: { 200: Health, 503: Health },
      },
    },
    async (_request, reply) => {
      const { database, pools, version } = app.ctx;
      const body = { database: database.mode, migration: database.migrationVersion, version };
      try {
        await pools.app.query('SELECT 1');
        return { status: 'ok' as const, ...body };
      } catch {
        return reply.status(503).send({ status: 'unavailable' as const, ...body });
      }
    },
  );
};
