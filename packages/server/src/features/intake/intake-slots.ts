import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { HttpError } from '../../access/errors.js';
import { Uuid } from '../../http/schemas.js';
import { matchCandidates } from './candidates.js';
import { intakeByLink, linkActor } from './intake-by-link.js';
import { TokenParams } from './intake-schemas.js';
import { therapistFreeSlots } from './free-slots-record.js';

export const NOT_LISTED = 'This therapist is not in the practice’s directory. Choose one from your list.';

/** GET /api/public/intakes/:token/slots?therapistId= — real free first-consultation times. */
export const intakeSlotsRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/public/intakes/:token/slots',
    {
      schema: {
        tags: ['public'],
        summary: 'Free times for a first consultation with one therapist',
        params: TokenParams,
        querystring: Type.Object({ therapistId: Uuid }),
        response: {
          200: Type.Object({ slots: Type.Array(Type.String()) }),
          404: Type.Ref('ErrorResponse'),
          429: Type.Ref('ErrorResponse'),
        },
      },
    },
    async (request) =>
      app.ctx.access.run(linkActor(request, request.params.token), async (tx) => {
        const intake = await intakeByLink(tx, request.params.token);
        const practice = (await tx.query<{ slug: string }>('SELECT slug FROM practices WHERE id = app_practice_id()'))
          .rows[0];
        const listed = await matchCandidates(tx, practice?.slug ?? '');
        if (!listed.some((c) => c.id === request.query.therapistId)) throw new HttpError(404, NOT_LISTED, 'not_found');
        const slots = await therapistFreeSlots(tx, request.query.therapistId, intake.id);
        return { slots: slots.map((s) => s.toISOString()) };
      }),
  );
};
