import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { refuse } from '../../access/refuse.js';
import { actorOf, guard } from '../../http/authenticate.js';
import { Uuid, withErrors } from '../../http/schemas.js';
import { selfId } from '../frame/care-access.js';
import { LetterTemplate, TemplateSave } from './letters-schemas.js';
import { checkedTemplate, findTemplate, NO_SUCH_TEMPLATE, requireFreeName } from './template-record.js';

/** PUT /api/letters/templates/:id (admin): changes a template. Letters already written keep their text. */
export const saveTemplateRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.put(
    '/api/letters/templates/:id',
    {
      preHandler: guard(app.ctx.access, { roles: ['admin'] }),
      schema: {
        tags: ['letters'],
        summary: 'Change a letter template',
        params: Type.Object({ id: Uuid }),
        body: TemplateSave,
        response: withErrors({ 200: Type.Object({ template: LetterTemplate }) }),
      },
    },
    async (request) => {
      const template = checkedTemplate(request.body);
      return app.ctx.access.run(actorOf(request), async (tx) => {
        const id = request.params.id.toLowerCase();
        const event = { action: 'letters.template_changed' as const, subjectType: 'letter_template', subjectId: id };
        if (!(await findTemplate(tx, id))) refuse(tx, event, 404, 'not_found', NO_SUCH_TEMPLATE);
        await requireFreeName(tx, template.name, id, event);
        await tx.query(
          `UPDATE letter_templates SET name = $2, subject = $3, body = $4, updated_at = now(), updated_by = $5
            WHERE id = $1`,
          [id, template.name, template.subject, template.body, selfId(tx)],
        );
        const saved = await findTemplate(tx, id);
        if (!saved) throw new Error('a template just saved cannot be read back');
        tx.audit(event);
        return { template: saved };
      });
    },
  );
};
