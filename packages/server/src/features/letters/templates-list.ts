import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorOf, guard } from '../../http/authenticate.js';
import { withErrors } from '../../http/schemas.js';
import { ensureLetterSetup } from './letterhead-record.js';
import { TemplateList } from './letters-schemas.js';
import { PLACEHOLDERS } from './placeholders.js';
import { listTemplates } from './template-record.js';

/**
 * GET /api/letters/templates (admin, therapist): the practice's letter templates (the built-in ones
 * are added on first use) and the placeholders a template may use.
 */
export const listTemplatesRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/letters/templates',
    {
      preHandler: guard(app.ctx.access, { roles: ['admin', 'therapist'] }),
      schema: {
        tags: ['letters'],
        summary: "The practice's letter templates and the placeholders they may use",
        response: withErrors({ 200: TemplateList }),
      },
    },
    async (request) =>
      app.ctx.access.run(actorOf(request), async (tx) => {
        await ensureLetterSetup(tx);
        const templates = await listTemplates(tx);
        tx.audit({
          action: 'letters.templates_listed',
          subjectType: 'letter_template',
          details: { templates: templates.length },
        });
        return { templates, placeholders: PLACEHOLDERS.map((p) => ({ ...p })) };
      }),
  );
};
