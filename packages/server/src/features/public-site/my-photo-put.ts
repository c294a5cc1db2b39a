import crypto from 'node:crypto';
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { HttpError } from '../../access/errors.js';
import { actorOf, guard } from '../../http/authenticate.js';
import { withErrors } from '../../http/schemas.js';
import { selfId } from '../frame/care-access.js';
import { MAX_PHOTO_BYTES, sniffPhotoType } from './photo-type.js';
import { dropUnusedPhotos, findProfile, saveDraft } from './profile-record.js';
import { EMPTY_PROFILE, ProfileState } from './public-site-schemas.js';

/** The bytes a request may carry: a little over the limit, so an over-large photo gets our own message. */
export const PHOTO_BODY_LIMIT = MAX_PHOTO_BYTES + 512 * 1024;
export const PHOTO_CONTENT_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'application/octet-stream'];

/**
 * PUT /api/public-site/my-profile/photo?alt=… (therapist): the photo's bytes as the body. Its type is
 * read from the bytes (PNG, JPEG or WebP) — not the file name or the type the browser sent — and its
 * description (alt text) is required. It becomes my draft's photo; the published profile keeps its
 * photo until the admin publishes the change.
 */
export const putMyPhotoRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.addContentTypeParser(
    PHOTO_CONTENT_TYPES,
    { parseAs: 'buffer', bodyLimit: PHOTO_BODY_LIMIT },
    (_req, body, done) => done(null, body),
  );
  app.put(
    '/api/public-site/my-profile/photo',
    {
      bodyLimit: PHOTO_BODY_LIMIT,
      preHandler: guard(app.ctx.access, { roles: ['therapist'] }),
      schema: {
        tags: ['public-site'],
        summary: 'Upload the photo of my directory profile (PNG, JPEG or WebP, up to 2 MB)',
        querystring: Type.Object(
          { alt: Type.String({ minLength: 1, maxLength: 300 }) },
          { additionalProperties: false },
        ),
        response: withErrors({ 200: ProfileState }),
      },
    },
    async (request) => {
      const bytes = request.body;
      if (!Buffer.isBuffer(bytes) || bytes.length === 0) {
        throw new HttpError(400, 'Choose a photo to upload.', 'no_photo');
      }
      if (bytes.length > MAX_PHOTO_BYTES) {
        const mb = (bytes.length / 1024 / 1024).toFixed(1);
        throw new HttpError(
          413,
          `This photo is ${mb} MB; the most is 2 MB. Choose a smaller photo or resize it.`,
          'too_large',
        );
      }
      const type = sniffPhotoType(bytes);
      if (!type) {
        throw new HttpError(
          415,
          'This file is not a PNG, JPEG or WebP picture (whatever its name says). Choose a photo in one of those formats.',
          'unsupported_media_type',
        );
      }
      const alt = request.query.alt.trim();
      if (alt === '') {
        throw new HttpError(400, 'Describe the photo for people who cannot see it.', 'no_alt_text');
      }
      return app.ctx.access.run(actorOf(request), async (tx) => {
        const me = selfId(tx);
        const id = crypto.randomUUID();
        await tx.query(
          'INSERT INTO profile_photos (id, practice_id, therapist_id, content_type, bytes) VALUES ($1, app_practice_id(), $2, $3, $4)',
          [id, me, type, bytes],
        );
        const before = await findProfile(tx, me);
        const draft = before && before.status !== 'not_started' ? before.draft : EMPTY_PROFILE;
        await saveDraft(tx, me, { ...draft, photoId: id, photoAlt: alt });
        await dropUnusedPhotos(tx, me);
        tx.audit({
          action: 'public_site.photo_uploaded',
          subjectType: 'profile_photo',
          subjectId: id,
          details: { type, bytes: bytes.length },
        });
        const after = await findProfile(tx, me);
        if (!after) throw new Error('a profile just saved cannot be read back');
        return after;
      });
    },
  );
};
