import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { installFrameFieldErrors } from '../frame/episodes-field-errors.js';
import { getContactRoute } from './contact-get.js';
import { putContactRoute } from './contact-put.js';
import { getMyProfileRoute } from './my-profile-get.js';
import { putMyProfileRoute } from './my-profile-put.js';
import { putMyPhotoRoute } from './my-photo-put.js';
import { listPagesRoute } from './pages-list.js';
import { putPageRoute } from './pages-put.js';
import { photoPreviewRoute } from './photo-preview.js';
import { photoServeRoute } from './photo-serve.js';
import { listProfilesRoute } from './profiles-list.js';
import { publishProfileRoute } from './profiles-publish.js';
import { unpublishProfileRoute } from './profiles-unpublish.js';
import { publicDirectoryRoute } from './public-directory.js';
import { publicPageRoute } from './public-page-get.js';
import { publicReadLimit } from './public-practice.js';
import { publicSiteRoute } from './public-site-get.js';
import { publicTherapistRoute } from './public-therapist-get.js';

/**
 * The practice's public side: public reads without a session (its site, pages, directory, profiles,
 * photos — published content only, limited per address), the admin's pages, contact details and
 * publishing, and each therapist's own profile and photo. Each route lives in its own file.
 */
export const publicSiteRoutes: FastifyPluginAsyncTypebox = async (app) => {
  await app.register(async (scope) => {
    const limit = publicReadLimit();
    scope.addHook('onRequest', async (request, reply) => limit(request, reply));
    for (const route of [
      publicSiteRoute,
      publicPageRoute,
      publicDirectoryRoute,
      publicTherapistRoute,
      photoServeRoute,
    ]) {
      await route(scope, {});
    }
  });
  await app.register(async (scope) => {
    installFrameFieldErrors(scope);
    const routes: FastifyPluginAsyncTypebox[] = [
      listPagesRoute,
      putPageRoute,
      getContactRoute,
      putContactRoute,
      listProfilesRoute,
      publishProfileRoute,
      unpublishProfileRoute,
      getMyProfileRoute,
      putMyProfileRoute,
      photoPreviewRoute,
    ];
    for (const route of routes) await route(scope, {});
  });
  // Its own scope: the only route that takes a body other than JSON (the photo's bytes).
  await app.register(async (scope) => putMyPhotoRoute(scope, {}));
};
