import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { hasRole } from '../../access/actor.js';
import { actorOf, guard } from '../../http/authenticate.js';
import { RoleSchema, withErrors } from '../../http/schemas.js';
import { findPeople, Person, PersonStatus } from './person-record.js';

/** GET /api/people: an admin sees everyone in the practice; a therapist sees their own current clients. */
export const listPeopleRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/people',
    {
      preHandler: guard(app.ctx.access, { roles: ['admin', 'therapist'] }),
      schema: {
        tags: ['people'],
        summary: 'People: everyone for an admin, their own clients for a therapist',
        querystring: Type.Object({ role: Type.Optional(RoleSchema), status: Type.Optional(PersonStatus) }),
        response: withErrors({ 200: Type.Array(Person) }),
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const admin = hasRole(actor, 'admin');
      if (!admin && !actor.userId) throw new Error('a therapist listing clients must be a signed-in person');
      return app.ctx.access.run(actor, async (tx) => {
        const people = await findPeople(tx, {
          role: request.query.role,
          status: request.query.status,
          clientsOf: admin ? undefined : (actor.userId as string),
        });
        tx.audit({
          action: 'people.listed',
          details: {
            listed: people.length,
            scope: admin ? 'practice' : 'own_clients',
            role: request.query.role ?? null,
            status: request.query.status ?? null,
          },
        });
        return people;
      });
    },
  );
};
