import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { refuse } from '../../access/refuse.js';
import type { AuditInput } from '../../audit/audit-event.js';
import { actorOf, guard } from '../../http/authenticate.js';
import { Uuid, withErrors } from '../../http/schemas.js';
import { dropUnusedPhotos, findProfile } from './profile-record.js';
import { ProfileState } from './public-site-schemas.js';

/**
 * POST /api/public-site/profiles/:therapistId/publish (admin): makes the therapist's current draft the
 * published profile. `draftUpdatedAt` is the draft the admin reviewed: if the therapist saved again
 * since, the admin is asked to look again (409) rather than publishing words they have not read.
 */
export const publishProfileRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/public-site/profiles/:therapistId/publish',
    {
      preHandler: guard(app.ctx.access, { roles: ['admin'] }),
      schema: {
        tags: ['public-site'],
        summary: "Publish a therapist's profile as it is drafted now",
        params: Type.Object({ therapistId: Uuid }),
        body: Type.Object({ draftUpdatedAt: Type.String({ format: 'date-time' }) }, { additionalProperties: false }),
        response: withErrors({ 200: Type.Object({ profile: ProfileState }) }),
      },
    },
    async (request) =>
      app.ctx.access.run(actorOf(request), async (tx) => {
        const therapistId = request.params.therapistId.toLowerCase();
        const event: AuditInput = {
          action: 'public_site.profile_published',
          subjectType: 'therapist_profile',
          subjectId: therapistId,
        };
        const profile = await findProfile(tx, therapistId);
        if (!profile) refuse(tx, event, 404, 'not_found', 'There is no therapist with this profile in the practice.');
        if (profile.status === 'not_started' || profile.draftUpdatedAt === null) {
          refuse(tx, event, 409, 'no_draft', 'This therapist has not written a profile yet.');
        }
        if (new Date(profile.draftUpdatedAt).getTime() !== new Date(request.body.draftUpdatedAt).getTime()) {
          refuse(
            tx,
            event,
            409,
            'draft_changed',
            'The therapist changed their profile while you were reading it. Look at the new version, then publish.',
          );
        }
        if (profile.publishProblems.length > 0) {
          refuse(tx, event, 409, 'incomplete', `This profile is not ready yet: ${profile.publishProblems.join(' ')}`);
        }
        await tx.query(
          `UPDATE therapist_profiles SET published = draft, published_at = now(), published_by = $2
            WHERE therapist_id = $1`,
          [therapistId, tx.actor.userId],
        );
        await dropUnusedPhotos(tx, therapistId);
        tx.audit(event);
        const after = await findProfile(tx, therapistId);
        if (!after) throw new Error('a profile just published cannot be read back');
        return { profile: after };
      }),
  );
};
