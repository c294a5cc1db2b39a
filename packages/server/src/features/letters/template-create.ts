import crypto from 'node:crypto';
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorOf, guard } from '../../http/authenticate.js';
import { withErrors } from '../../http/schemas.js';
import { selfId } from '../frame/care-access.js';
import { ensureLetterSetup } from './letterhead-record.js';
import { LetterTemplate, TemplateSave } from './letters-schemas.js';
import { checkedTemplate, findTemplate, requireFreeName } from './template-record.js';

/**
 * POST /api/letters/templates (admin): a new letter template. Placeholders outside the fixed
 * vocabulary, and malformed ones, are refused with a message naming each.
 */
export const createTemplateRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/letters/templates',
    {
      preHandler: guard(app.ctx.access, { roles: ['admin'] }),
      schema: {
        tags: ['letters'],
        summary: 'Add a letter template',
        body: TemplateSave,
        response: withErrors({ 200: Type.Object({ template: LetterTemplate }) }),
      },
    },
    async (request) => {
      const template = checkedTemplate(request.body);
      return app.ctx.access.run(actorOf(request), async (tx) => {
        const id = crypto.randomUUID();
        const event = { action: 'letters.template_created' as const, subjectType: 'letter_template', subjectId: id };
        await ensureLetterSetup(tx);
        await requireFreeName(tx, template.name, null, event);
        await tx.query(
          `INSERT INTO letter_templates (id, practice_id, name, subject, body, updated_by)
           VALUES ($1, app_practice_id(), $2, $3, $4, $5)`,
          [id, template.name, template.subject, template.body, selfId(tx)],
        );
        const saved = await findTemplate(tx, id);
        if (!saved) throw new Error('a template just added cannot be read back');
        tx.audit(event);
        return { template: saved };
      });
    },
  );
};
