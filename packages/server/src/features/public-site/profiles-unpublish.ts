import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { refuse } from '../../access/refuse.js';
import type { AuditInput } from '../../audit/audit-event.js';
import { actorOf, guard } from '../../http/authenticate.js';
import { Uuid, withErrors } from '../../http/schemas.js';
import { findProfile } from './profile-record.js';
import { ProfileState } from './public-site-schemas.js';

/** POST /api/public-site/profiles/:therapistId/unpublish (admin): takes the profile out of the directory now (the draft stays). */
export const unpublishProfileRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/public-site/profiles/:therapistId/unpublish',
    {
      preHandler: guard(app.ctx.access, { roles: ['admin'] }),
      schema: {
        tags: ['public-site'],
        summary: "Take a therapist's profile out of the public directory",
        params: Type.Object({ therapistId: Uuid }),
        response: withErrors({ 200: Type.Object({ profile: ProfileState }) }),
      },
    },
    async (request) =>
      app.ctx.access.run(actorOf(request), async (tx) => {
        const therapistId = request.params.therapistId.toLowerCase();
        const event: AuditInput = {
          action: 'public_site.profile_unpublished',
          subjectType: 'therapist_profile',
          subjectId: therapistId,
        };
        const profile = await findProfile(tx, therapistId);
        if (!profile) refuse(tx, event, 404, 'not_found', 'There is no therapist with this profile in the practice.');
        if (!profile.published) refuse(tx, event, 409, 'not_published', 'This profile is not published.');
        await tx.query(
          'UPDATE therapist_profiles SET published = NULL, published_at = NULL, published_by = NULL WHERE therapist_id = $1',
          [therapistId],
        );
        tx.audit(event);
        const after = await findProfile(tx, therapistId);
        if (!after) throw new Error('a profile just taken down cannot be read back');
        return { profile: after };
      }),
  );
};
