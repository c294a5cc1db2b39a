import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AuditInput } from '../../audit/audit-event.js';
import { actorOf, guard } from '../../http/authenticate.js';
import { withErrors } from '../../http/schemas.js';
import { selfId } from '../frame/care-access.js';
import { assertNoProblems, FieldsError } from '../frame/episodes-field-errors.js';
import { draftProblems, dropUnusedPhotos, findProfile, saveDraft, tidyProfile } from './profile-record.js';
import { ProfileContent, ProfileState } from './public-site-schemas.js';

/**
 * PUT /api/public-site/my-profile (therapist): saves my profile's draft — only ever my own (the
 * database refuses a therapist writing anyone else's row). A published profile stays as published
 * until the admin publishes this change. A photo must be one I uploaded (removing it: photoId null).
 */
export const putMyProfileRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.put(
    '/api/public-site/my-profile',
    {
      preHandler: guard(app.ctx.access, { roles: ['therapist'] }),
      schema: {
        tags: ['public-site'],
        summary: 'Save the draft of my directory profile',
        body: ProfileContent,
        response: withErrors({ 200: ProfileState }),
      },
    },
    async (request) => {
      const content = tidyProfile(request.body);
      assertNoProblems(draftProblems(content), 'invalid_profile');
      return app.ctx.access.run(actorOf(request), async (tx) => {
        const me = selfId(tx);
        const before = await findProfile(tx, me);
        if (content.photoId !== null) {
          const photo = await tx.query('SELECT 1 FROM profile_photos WHERE id = $1 AND therapist_id = $2', [
            content.photoId.toLowerCase(),
            me,
          ]);
          if (photo.rowCount === 0) {
            throw new FieldsError([
              { field: 'photoId', message: 'That photo is not one you uploaded. Upload it again.' },
            ]);
          }
          content.photoId = content.photoId.toLowerCase();
        }
        await saveDraft(tx, me, content);
        const event: AuditInput = {
          action: 'public_site.profile_saved',
          subjectType: 'therapist_profile',
          subjectId: me,
        };
        tx.audit(event);
        if (before?.draft.photoId && content.photoId === null) {
          tx.audit({
            action: 'public_site.photo_removed',
            subjectType: 'profile_photo',
            subjectId: before.draft.photoId,
          });
        }
        await dropUnusedPhotos(tx, me);
        const after = await findProfile(tx, me);
        if (!after) throw new Error('a profile just saved cannot be read back');
        return after;
      });
    },
  );
};
