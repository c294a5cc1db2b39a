import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorOf, guard } from '../../http/authenticate.js';
import { withErrors } from '../../http/schemas.js';
import { loadContact } from './contact-record.js';
import { Contact } from './public-site-schemas.js';

/** GET /api/public-site/contact (admin): the public contact details, for editing. */
export const getContactRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/public-site/contact',
    {
      preHandler: guard(app.ctx.access, { roles: ['admin'] }),
      schema: {
        tags: ['public-site'],
        summary: "The practice's public contact details",
        response: withErrors({ 200: Contact }),
      },
    },
    async (request) => app.ctx.access.run(actorOf(request), (tx) => loadContact(tx)),
  );
};
