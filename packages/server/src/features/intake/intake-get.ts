import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { HttpError } from '../../access/errors.js';
import { actorOf, guard } from '../../http/authenticate.js';
import { IntakeDetail, IntakeParams } from './intake-schemas.js';
import { INTAKE_SELECT, intakeDetail, type IntakeRow } from './intake-practice-record.js';

export const NO_SUCH_INTAKE = 'There is no such enquiry at this practice. It may have been opened from an old link.';

/** GET /api/intakes/:id (admin, therapist): one enquiry in full, for triage. Audited. */
export const getIntakeRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/intakes/:id',
    {
      preHandler: guard(app.ctx.access, { roles: ['admin', 'therapist'] }),
      schema: {
        tags: ['intake'],
        summary: 'One enquiry in full',
        params: IntakeParams,
        response: { 200: IntakeDetail, 403: Type.Ref('ErrorResponse'), 404: Type.Ref('ErrorResponse') },
      },
    },
    async (request) =>
      app.ctx.access.run(actorOf(request), async (tx) => {
        const rows = await tx.query<IntakeRow>(`${INTAKE_SELECT} WHERE i.id = $1`, [request.params.id]);
        const row = rows.rows[0];
        if (!row) throw new HttpError(404, NO_SUCH_INTAKE, 'not_found');
        tx.audit({ action: 'intake.viewed', subjectType: 'intake', subjectId: row.id });
        return intakeDetail(tx, row);
      }),
  );
};
