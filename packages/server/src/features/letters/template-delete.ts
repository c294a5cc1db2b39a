import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { refuse } from '../../access/refuse.js';
import { actorOf, guard } from '../../http/authenticate.js';
import { Ok, Uuid, withErrors } from '../../http/schemas.js';
import { NO_SUCH_TEMPLATE } from './template-record.js';

/** DELETE /api/letters/templates/:id (admin): removes a template. Letters written from it stay as they are. */
export const deleteTemplateRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.delete(
    '/api/letters/templates/:id',
    {
      preHandler: guard(app.ctx.access, { roles: ['admin'] }),
      schema: {
        tags: ['letters'],
        summary: 'Remove a letter template',
        params: Type.Object({ id: Uuid }),
        response: withErrors({ 200: Ok }),
      },
    },
    async (request) =>
      app.ctx.access.run(actorOf(request), async (tx) => {
        const id = request.params.id.toLowerCase();
        const event = { action: 'letters.template_deleted' as const, subjectType: 'letter_template', subjectId: id };
        const deleted = await tx.query('DELETE FROM letter_templates WHERE id = $1', [id]);
        if (deleted.rowCount === 0) refuse(tx, event, 404, 'not_found', NO_SUCH_TEMPLATE);
        tx.audit(event);
        return { ok: true as const };
      }),
  );
};
