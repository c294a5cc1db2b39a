import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Contact, PageSlugSchema, PublicPracticeParams } from './public-site-schemas.js';
import { loadContact } from './contact-record.js';
import { loadPages } from './pages-record.js';
import { publicPractice } from './public-practice.js';

export const PublicSite = Type.Object({
  practice: Type.Object({ name: Type.String(), slug: Type.String() }),
  contact: Contact,
  /** The published pages other than the home page, in order (the site's navigation). */
  pages: Type.Array(Type.Object({ slug: PageSlugSchema, title: Type.String() })),
  /** The home page's text, when it is published. */
  home: Type.Union([Type.Object({ title: Type.String(), body: Type.String() }), Type.Null()]),
  /** How many therapists have a published profile. */
  therapists: Type.Integer({ minimum: 0 }),
});

/** GET /api/public/practices/:slug (no sign-in): the practice's public site — name, contact, published pages. */
export const publicSiteRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/public/practices/:slug',
    {
      schema: {
        tags: ['public'],
        summary: "A practice's public site: its name, contact details and published pages",
        params: PublicPracticeParams,
        response: { 200: PublicSite, 404: Type.Ref('ErrorResponse'), 429: Type.Ref('ErrorResponse') },
      },
    },
    async (request) => {
      const practice = await publicPractice(app, request, request.params.slug);
      return app.ctx.access.run(practice.actor, async (tx) => {
        const pages = (await loadPages(tx)).filter((page) => page.published);
        const home = pages.find((page) => page.slug === 'home');
        const therapists = await tx.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM therapist_profiles p
             JOIN users u ON u.practice_id = p.practice_id AND u.id = p.therapist_id AND u.status = 'active'
            WHERE p.published IS NOT NULL`,
        );
        return {
          practice: { name: practice.name, slug: practice.slug },
          contact: await loadContact(tx),
          pages: pages.filter((page) => page.slug !== 'home').map(({ slug, title }) => ({ slug, title })),
          home: home ? { title: home.title, body: home.body } : null,
          therapists: therapists.rows[0]?.n ?? 0,
        };
      });
    },
  );
};
