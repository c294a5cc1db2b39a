import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorOf, guard } from '../../http/authenticate.js';
import { withErrors } from '../../http/schemas.js';
import { assertNoProblems } from '../frame/episodes-field-errors.js';
import { contactProblems, loadContact, normaliseContact, saveContact } from './contact-record.js';
import { Contact } from './public-site-schemas.js';

/** PUT /api/public-site/contact (admin): the e-mail, telephone and address every public page shows. */
export const putContactRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.put(
    '/api/public-site/contact',
    {
      preHandler: guard(app.ctx.access, { roles: ['admin'] }),
      schema: {
        tags: ['public-site'],
        summary: "Save the practice's public contact details",
        body: Contact,
        response: withErrors({ 200: Contact }),
      },
    },
    async (request) => {
      const contact = normaliseContact(request.body);
      assertNoProblems(contactProblems(contact), 'invalid_contact');
      return app.ctx.access.run(actorOf(request), async (tx) => {
        await saveContact(tx, contact, tx.actor.userId);
        tx.audit({
          action: 'public_site.contact_changed',
          subjectType: 'public_settings',
          subjectId: tx.actor.practiceId,
          details: { email: contact.email !== null, phone: contact.phone !== null, address: contact.address !== null },
        });
        return loadContact(tx);
      });
    },
  );
};
