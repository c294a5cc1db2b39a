import crypto from 'node:crypto';
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { refuse } from '../../access/refuse.js';
import type { AuditInput } from '../../audit/audit-event.js';
import { actorOf, guard } from '../../http/authenticate.js';
import { Uuid, withErrors } from '../../http/schemas.js';
import { requireOwnClient, selfId } from '../frame/care-access.js';
import { assertNoProblems } from '../frame/episodes-field-errors.js';
import { letterFacts } from './letter-facts.js';
import { findLetterRow, sealLetter, toLetter } from './letter-record.js';
import { letterProblems, tidyLetter } from './letter-text.js';
import { loadLetterhead } from './letterhead-record.js';
import { Letter, LetterCreate } from './letters-schemas.js';
import { fillPlaceholders } from './placeholders.js';
import { findTemplate } from './template-record.js';

/**
 * POST /api/letters/clients/:clientId/letters (a therapist caring for the client): starts a draft
 * letter to someone, from one of the practice's templates (its placeholders filled here from the
 * client, the therapist, the letterhead and the current episode) or blank.
 */
export const createLetterRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/letters/clients/:clientId/letters',
    {
      preHandler: guard(app.ctx.access, { roles: ['therapist'] }),
      schema: {
        tags: ['letters'],
        summary: 'Start a letter about a client',
        params: Type.Object({ clientId: Uuid }),
        body: LetterCreate,
        response: withErrors({ 200: Type.Object({ letter: Letter }) }),
      },
    },
    async (request) => {
      const recipient = tidyLetter({ ...request.body, subject: '', body: '' });
      assertNoProblems(letterProblems(recipient), 'invalid_letter');
      return app.ctx.access.run(actorOf(request), async (tx) => {
        const clientId = request.params.clientId.toLowerCase();
        const id = crypto.randomUUID();
        const templateId = request.body.templateId?.toLowerCase() ?? null;
        const event: AuditInput = {
          action: 'letters.letter_created',
          subjectType: 'letter',
          subjectId: id,
          subjectUserId: clientId,
          ...(templateId ? { details: { templateId } } : {}),
        };
        await requireOwnClient(tx, clientId, event.action);
        const template = templateId ? await findTemplate(tx, templateId) : undefined;
        if (templateId && !template) {
          refuse(tx, event, 400, 'unknown_template', 'That letter template no longer exists. Choose another one.');
        }
        const letterhead = await loadLetterhead(tx);
        const values = await letterFacts(tx, {
          clientId,
          therapistId: selfId(tx),
          recipientName: recipient.recipientName,
          letterhead,
        });
        const content = tidyLetter({
          ...recipient,
          subject: template ? fillPlaceholders(template.subject, values) : '',
          body: template ? fillPlaceholders(template.body, values) : '',
        });
        const sealed = await sealLetter(tx, id, content);
        await tx.query(
          `INSERT INTO letters (id, practice_id, client_id, author_id, template_id, recipient_name_enc,
                                recipient_address_enc, subject_enc, body_enc)
           VALUES ($1, app_practice_id(), $2, $3, $4, $5, $6, $7, $8)`,
          [
            id,
            clientId,
            selfId(tx),
            template?.id ?? null,
            sealed.recipientNameEnc,
            sealed.recipientAddressEnc,
            sealed.subjectEnc,
            sealed.bodyEnc,
          ],
        );
        const row = await findLetterRow(tx, id);
        if (!row) throw new Error('a letter just started cannot be read back');
        tx.audit(event);
        return { letter: await toLetter(tx, row, content) };
      });
    },
  );
};
