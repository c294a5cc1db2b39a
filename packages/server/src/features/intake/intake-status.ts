import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { matchCandidates } from './candidates.js';
import { intakeByLink, linkActor } from './intake-by-link.js';
import { PersonView, TokenParams } from './intake-schemas.js';
import { rankTherapists } from './matching.js';

/**
 * GET /api/public/intakes/:token (no account; the link is the credential): the person's own page —
 * where their enquiry stands, the therapists ranked for them with reasons, the consultation they
 * asked for and the practice's reply. An enquiry flagged for same-day review shows no list: the
 * practice contacts the person today.
 */
export const intakeStatusRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/public/intakes/:token',
    {
      schema: {
        tags: ['public'],
        summary: 'The person’s enquiry, through their private link',
        params: TokenParams,
        response: { 200: PersonView, 404: Type.Ref('ErrorResponse'), 429: Type.Ref('ErrorResponse') },
      },
    },
    async (request) =>
      app.ctx.access.run(linkActor(request, request.params.token), async (tx) => {
        const intake = await intakeByLink(tx, request.params.token);
        const practice = (
          await tx.query<{ name: string; slug: string }>(
            'SELECT name, slug FROM practices WHERE id = app_practice_id()',
          )
        ).rows[0];
        const candidates = await matchCandidates(tx, practice?.slug ?? '');
        const ranked = intake.urgent_risk ? [] : rankTherapists(intake.preferences, candidates);
        const therapist = candidates.find((c) => c.id === intake.requested_therapist_id);
        tx.audit({ action: 'intake.viewed_by_link', subjectType: 'intake', subjectId: intake.id });
        return {
          practiceName: practice?.name ?? '',
          practiceSlug: practice?.slug ?? '',
          status: intake.status,
          sameDayReview: intake.urgent_risk,
          createdAt: intake.created_at.toISOString(),
          consentAt: intake.consent_at.toISOString(),
          matches: ranked.map((r) => ({ id: r.id, name: r.name, reasons: r.reasons })),
          request:
            intake.requested_start && intake.requested_therapist_id
              ? { therapistName: therapist?.name ?? 'Your therapist', start: intake.requested_start.toISOString() }
              : null,
          consultation:
            intake.status === 'accepted' && intake.appointment_start
              ? { therapistName: therapist?.name ?? 'Your therapist', start: intake.appointment_start.toISOString() }
              : null,
          message: intake.message_enc ? await tx.decrypt(`intakes.message_enc:${intake.id}`, intake.message_enc) : null,
        };
      }),
  );
};
