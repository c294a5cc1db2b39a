import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { HttpError } from '../../access/errors.js';
import { FieldError } from '../../accounts/field-error.js';
import { refuse } from '../../access/refuse.js';
import { actorOf, guard } from '../../http/authenticate.js';
import { withErrors } from '../../http/schemas.js';
import { IntakeParams } from './intake-schemas.js';
import { NO_SUCH_INTAKE } from './intake-get.js';
import { deleteIntakes } from './intake-retention-record.js';

/**
 * Why an enquiry is deleted, as one of a few kinds: the audit log is kept for years and holds no free
 * text, so a name typed into a reason can never outlive the enquiry it was about.
 */
export const DELETE_REASONS = ['asked', 'mistake', 'not_genuine', 'not_needed'] as const;
export const REASON_REQUIRED = 'Choose why the enquiry is deleted.';

const DeleteBody = Type.Object(
  { reason: Type.Optional(Type.Union(DELETE_REASONS.map((r) => Type.Literal(r)))) },
  { additionalProperties: false },
);
const Deleted = Type.Object({ deleted: Type.Literal(true), emailsDeleted: Type.Integer({ minimum: 0 }) });

export const ACCEPTED_NOT_DELETED =
  'This enquiry became a client’s record when it was accepted, so it is not deleted here: it is kept with the client’s record, under the practice’s record retention rules.';

/**
 * DELETE /api/intakes/:id (admin): deletes an enquiry that did not become a client — when the
 * person asks, for example. A reason is required, one of `DELETE_REASONS`, and kept in the audit log
 * with the enquiry's id and status; nothing the person wrote, nor their name or e-mail, is.
 * An accepted enquiry is refused (409): it is part of a client's record now.
 */
export const deleteIntakeRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.delete(
    '/api/intakes/:id',
    {
      preHandler: guard(app.ctx.access, { roles: ['admin'] }),
      schema: {
        tags: ['intake'],
        summary: 'Delete an enquiry that did not become a client, with the reason',
        params: IntakeParams,
        body: DeleteBody,
        response: withErrors({ 200: Deleted }),
      },
    },
    async (request) => {
      const reason = request.body.reason;
      if (!reason) throw new FieldError(400, 'reason', REASON_REQUIRED, 'reason_required');
      return app.ctx.access.run(actorOf(request), async (tx) => {
        const found = await tx.query<{ id: string; status: string }>(
          'SELECT id, status FROM intakes WHERE id = $1 FOR UPDATE',
          [request.params.id],
        );
        const row = found.rows[0];
        if (!row) throw new HttpError(404, NO_SUCH_INTAKE, 'not_found');
        const event = { action: 'intake.deleted', subjectType: 'intake', subjectId: row.id } as const;
        if (row.status === 'accepted') refuse(tx, event, 409, 'became_client', ACCEPTED_NOT_DELETED);
        const done = await deleteIntakes(tx, [row.id]);
        tx.audit({ ...event, details: { reason, status: row.status, emailsDeleted: done.emails } });
        return { deleted: true as const, emailsDeleted: done.emails };
      });
    },
  );
};
