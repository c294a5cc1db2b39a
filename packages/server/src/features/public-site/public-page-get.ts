import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { HttpError } from '../../access/errors.js';
import { PublicPracticeParams } from './public-site-schemas.js';
import { loadPages } from './pages-record.js';
import { publicPractice } from './public-practice.js';

export const PAGE_NOT_FOUND =
  'This page is not available. It may have been taken down; the home page lists what there is.';

/** GET /api/public/practices/:slug/pages/:page (no sign-in): one published page; an unpublished one is 404. */
export const publicPageRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/public/practices/:slug/pages/:page',
    {
      schema: {
        tags: ['public'],
        summary: 'One published page of a practice',
        params: Type.Composite([PublicPracticeParams, Type.Object({ page: Type.String({ maxLength: 40 }) })]),
        response: {
          200: Type.Object({ slug: Type.String(), title: Type.String(), body: Type.String() }),
          404: Type.Ref('ErrorResponse'),
          429: Type.Ref('ErrorResponse'),
        },
      },
    },
    async (request) => {
      const practice = await publicPractice(app, request, request.params.slug);
      return app.ctx.access.run(practice.actor, async (tx) => {
        const page = (await loadPages(tx)).find((p) => p.slug === request.params.page && p.published);
        if (!page) throw new HttpError(404, PAGE_NOT_FOUND, 'not_found');
        return { slug: page.slug, title: page.title, body: page.body };
      });
    },
  );
};
