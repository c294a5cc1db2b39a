import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { optionsFor } from '@undercurrent/clinical';
import type { AuditInput } from '../../audit/audit-event.js';
import { actorOf, guard } from '../../http/authenticate.js';
import { Uuid, withErrors } from '../../http/schemas.js';
import { iso } from '../journal/entry-record.js';
import { openRequestOfMine, requestDefinition, savedAnswers } from './questionnaire-record.js';
import { MyQuestionnaireDetail } from './questionnaires-schemas.js';

/**
 * GET /api/questionnaires/mine/:requestId (client): one of the client's open questionnaires with its
 * questions in their exact wording (the pinned version), the instruction, the copyright line, and
 * the answers saved so far — so a client who closed the tab, or comes back on another device, resumes.
 */
export const getMyQuestionnaireRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/questionnaires/mine/:requestId',
    {
      preHandler: guard(app.ctx.access, { roles: ['client'] }),
      schema: {
        tags: ['questionnaires'],
        summary: 'One of my questionnaires, with my answers so far',
        params: Type.Object({ requestId: Uuid }),
        response: withErrors({
          200: Type.Object({ questionnaire: MyQuestionnaireDetail }),
          410: Type.Ref('ErrorResponse'),
        }),
      },
    },
    async (request) =>
      app.ctx.access.run(actorOf(request), async (tx) => {
        const requestId = request.params.requestId.toLowerCase();
        const event: AuditInput = {
          action: 'questionnaires.opened',
          subjectType: 'questionnaire_request',
          subjectId: requestId,
          ...(tx.actor.userId ? { subjectUserId: tx.actor.userId } : {}),
        };
        const row = await openRequestOfMine(tx, requestId, event);
        const definition = await requestDefinition(tx, row);
        if (!definition) throw new Error('a request names an instrument the practice does not have');
        const answers = await savedAnswers(tx, requestId);
        tx.audit(event);
        return {
          questionnaire: {
            id: row.id,
            name: definition.name,
            title: definition.title,
            stem: definition.stem ?? null,
            copyright: definition.licence.copyright,
            sessionStartsAt: row.session_starts_at ? iso(row.session_starts_at) : null,
            expiresAt: iso(row.expires_at),
            items: definition.items.map((item) => ({
              linkId: item.linkId,
              text: item.text,
              options: optionsFor(definition, item).map((o) => ({ value: o.value, label: o.label })),
              notApplicable: item.notApplicable?.label ?? null,
            })),
            answers,
          },
        };
      }),
  );
};
