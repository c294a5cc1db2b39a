import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorOf, guard } from '../../http/authenticate.js';
import { withErrors } from '../../http/schemas.js';
import { assertNoProblems } from '../frame/episodes-field-errors.js';
import { loadPages, pageProblems, savePage } from './pages-record.js';
import { AdminPage, PageInput, PageSlugSchema } from './public-site-schemas.js';

/**
 * PUT /api/public-site/pages/:page (admin): saves a page's title and text and whether it is published.
 * A published page's new text is live at once. Text is kept as written (the safe formatting); a link
 * that could not be followed is refused with the line it is on.
 */
export const putPageRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.put(
    '/api/public-site/pages/:page',
    {
      preHandler: guard(app.ctx.access, { roles: ['admin'] }),
      schema: {
        tags: ['public-site'],
        summary: 'Save a public page (and publish or unpublish it)',
        params: Type.Object({ page: PageSlugSchema }),
        body: PageInput,
        response: withErrors({ 200: Type.Object({ page: AdminPage }) }),
      },
    },
    async (request) => {
      assertNoProblems(pageProblems(request.body), 'invalid_page');
      return app.ctx.access.run(actorOf(request), async (tx) => {
        await savePage(tx, request.params.page, request.body, tx.actor.userId);
        tx.audit({
          action: 'public_site.page_changed',
          subjectType: 'public_page',
          subjectId: request.params.page,
          details: { published: request.body.published, characters: request.body.body.length },
        });
        const page = (await loadPages(tx)).find((p) => p.slug === request.params.page);
        if (!page) throw new Error('a page just saved cannot be read back');
        return { page };
      });
    },
  );
};
