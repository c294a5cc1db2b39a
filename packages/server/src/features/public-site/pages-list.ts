import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorOf, guard } from '../../http/authenticate.js';
import { withErrors } from '../../http/schemas.js';
import { loadPages } from './pages-record.js';
import { AdminPage } from './public-site-schemas.js';

/** GET /api/public-site/pages (admin): every public page, published or not, default text included. */
export const listPagesRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/public-site/pages',
    {
      preHandler: guard(app.ctx.access, { roles: ['admin'] }),
      schema: {
        tags: ['public-site'],
        summary: "The practice's public pages, for editing",
        response: withErrors({ 200: Type.Object({ pages: Type.Array(AdminPage) }) }),
      },
    },
    async (request) => app.ctx.access.run(actorOf(request), async (tx) => ({ pages: await loadPages(tx) })),
  );
};
