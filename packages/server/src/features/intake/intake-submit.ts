import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Scoped } from '../../access/access-layer.js';
import { Type } from '@sinclair/typebox';
import { FieldError } from '../../accounts/field-error.js';
import { enqueueEmail } from '../../mail/enqueue-email.js';
import { publicPractice } from '../public-site/public-practice.js';
import { PublicPracticeParams } from '../public-site/public-site-schemas.js';
import { intakeReceivedEmail, sameDayReviewEmail } from './intake-email.js';
import { IntakeSubmission, Submitted } from './intake-schemas.js';
import { intakePath, newIntakeToken } from './intake-token.js';
import { checkHumanFill, INTAKES_PER_HOUR, publicFormLimit } from './public-form-guard.js';

/** The privacy notice the consent refers to (the practice's public privacy page). */
export const CONSENT_NOTICE = 'privacy page';
export const NEEDS_CONSENT =
  'Please tick the box to agree that the practice may keep what you write here to reply to you. Without it we cannot keep your enquiry.';
export const NEEDS_NAME = 'Please tell us your name (a first name is enough).';
export const NEEDS_EMAIL = 'Please give an e-mail address we can reply to, like name@example.com.';
export const NEEDS_BRINGS = 'Please say a few words about what brings you.';
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * POST /api/public/practices/:slug/intakes (no account): the intake form. Consent is explicit and
 * recorded with the time; the free text is sealed with the practice's clinical key; an urgent risk
 * answer flags the intake for same-day review (never the waiting list) and e-mails the practice
 * without content. The person gets their private link, on screen and by e-mail.
 */
export const submitIntakeRoute: FastifyPluginAsyncTypebox = async (app) => {
  const limit = publicFormLimit(INTAKES_PER_HOUR, 3_600_000);
  app.post(
    '/api/public/practices/:slug/intakes',
    {
      bodyLimit: 32_768,
      schema: {
        tags: ['public'],
        summary: 'Send an enquiry (intake form) to the practice',
        params: PublicPracticeParams,
        body: IntakeSubmission,
        response: {
          201: Submitted,
          400: Type.Ref('ErrorResponse'),
          404: Type.Ref('ErrorResponse'),
          429: Type.Ref('ErrorResponse'),
        },
      },
    },
    async (request, reply) => {
      limit(request);
      const form = request.body;
      checkHumanFill(form);
      if (!form.consent) throw new FieldError(400, 'consent', NEEDS_CONSENT, 'consent_required');
      const name = form.name.trim();
      const email = form.email.trim().toLowerCase();
      const brings = form.brings.trim();
      if (!name) throw new FieldError(400, 'name', NEEDS_NAME, 'invalid_request');
      if (!EMAIL.test(email)) throw new FieldError(400, 'email', NEEDS_EMAIL, 'invalid_request');
      if (!brings) throw new FieldError(400, 'brings', NEEDS_BRINGS, 'invalid_request');
      const practice = await publicPractice(app, request, request.params.slug);
      const urgent = form.risk === 'now';
      const issued = newIntakeToken(practice.id);
      const { config } = app.ctx;
      await app.ctx.access.run(practice.actor, async (tx) => {
        const id = (await tx.query<{ id: string }>('SELECT gen_random_uuid() AS id')).rows[0]?.id ?? '';
        const seal = (column: string, text: string) => tx.encrypt('clinical', `intakes.${column}:${id}`, text);
        const previous = form.previousTherapy.trim();
        await tx.query(
          `INSERT INTO intakes (id, practice_id, source, status, name_enc, email, brings_enc, previous_therapy_enc,
             preferences, urgent_risk, consent_at, consent_notice, token_hash, token_expires_at)
           VALUES ($1, $2, 'website', $3, $4, $5, $6, $7, $8, $9, now(), $10, $11, $12)`,
          [
            id,
            practice.id,
            urgent ? 'same_day_review' : 'new',
            await seal('name_enc', name),
            email,
            await seal('brings_enc', brings),
            previous ? await seal('previous_therapy_enc', previous) : null,
            JSON.stringify(form.preferences),
            urgent,
            CONSENT_NOTICE,
            issued.hash,
            issued.expiresAt,
          ],
        );
        const smtp = config.smtpUrl !== undefined;
        const link = `${config.publicUrl}${intakePath(issued.token)}`;
        const outboxId = await enqueueEmail(
          tx,
          intakeReceivedEmail({ to: email, practiceName: practice.name, link }),
          smtp,
        );
        let practiceOutboxId: string | null = null;
        if (urgent) {
          const to = await practiceAddress(tx);
          if (to) {
            practiceOutboxId = await enqueueEmail(
              tx,
              sameDayReviewEmail({ to, practiceName: practice.name, queueLink: `${config.publicUrl}/intakes` }),
              smtp,
            );
          }
        }
        tx.audit({
          action: 'intake.submitted',
          subjectType: 'intake',
          subjectId: id,
          details: { sameDayReview: urgent, outboxId, practiceOutboxId, consent: true },
        });
      });
      return reply.status(201).send({ statusPath: intakePath(issued.token), sameDayReview: urgent });
    },
  );
};

/** Where the practice hears of an urgent enquiry: its public contact address, else its first admin. */
async function practiceAddress(tx: Scoped): Promise<string | undefined> {
  const found = await tx.query<{ email: string }>(
    `SELECT email FROM public_settings WHERE email IS NOT NULL
     UNION ALL
     SELECT * FROM (SELECT u.email FROM users u JOIN memberships m ON m.practice_id = u.practice_id AND m.user_id = u.id
       WHERE m.role = 'admin' AND u.status = 'active' ORDER BY u.created_at LIMIT 1) AS admins`,
  );
  return found.rows[0]?.email;
}
