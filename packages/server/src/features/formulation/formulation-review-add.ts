import crypto from 'node:crypto';
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorOf, guard } from '../../http/authenticate.js';
import { Uuid, withErrors } from '../../http/schemas.js';
import { assertNoProblems } from '../frame/episodes-field-errors.js';
import { selfId } from '../frame/care-access.js';
import {
  findFormulationRow,
  formulationEvent,
  requireEpisode,
  reviewTextContext,
  toFormulation,
} from './formulation-record.js';
import { Formulation, ReviewBody } from './formulation-schemas.js';

/** Whether `text` (YYYY-MM-DD) is a real calendar day. */
function isCalendarDay(text: string): boolean {
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/**
 * POST /api/record/episodes/:episodeId/formulation/reviews (current carers): appends a dated review
 * entry. Entries are never changed or removed (the database refuses it); a later review says what
 * changed.
 */
export const addReviewRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/record/episodes/:episodeId/formulation/reviews',
    {
      preHandler: guard(app.ctx.access, { roles: ['therapist'] }),
      schema: {
        tags: ['record'],
        summary: 'Add a dated review entry to a case formulation',
        params: Type.Object({ episodeId: Uuid }),
        body: ReviewBody,
        response: withErrors({ 200: Type.Object({ formulation: Formulation }) }),
      },
    },
    async (request) => {
      const { reviewedOn, text } = request.body;
      const problems = [];
      if (!isCalendarDay(reviewedOn)) {
        problems.push({ field: 'reviewedOn', message: `${reviewedOn} is not a date in the calendar.` });
      } else if (reviewedOn > new Date(Date.now() + 36 * 3_600_000).toISOString().slice(0, 10)) {
        problems.push({ field: 'reviewedOn', message: 'A review is dated today or earlier.' });
      }
      if (text.trim() === '') problems.push({ field: 'text', message: 'Write what the review found.' });
      assertNoProblems(problems, 'invalid_review');
      return app.ctx.access.run(actorOf(request), async (tx) => {
        const episodeId = request.params.episodeId.toLowerCase();
        const episode = await requireEpisode(tx, episodeId, {
          action: 'record.formulation_review_added',
          subjectType: 'episode',
          subjectId: episodeId,
        });
        const id = crypto.randomUUID();
        await tx.query(
          `INSERT INTO formulation_reviews (id, practice_id, episode_id, client_id, author_id, reviewed_on, text_enc)
           VALUES ($1, app_practice_id(), $2, $3, $4, $5, $6)`,
          [
            id,
            episodeId,
            episode.client_id,
            selfId(tx),
            reviewedOn,
            await tx.encrypt('clinical', reviewTextContext(id), text.trim()),
          ],
        );
        tx.audit({ ...formulationEvent('record.formulation_review_added', episode), details: { review: id } });
        return { formulation: await toFormulation(tx, episode, await findFormulationRow(tx, episodeId)) };
      });
    },
  );
};
