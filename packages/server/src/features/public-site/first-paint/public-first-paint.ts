import type { FastifyInstance, FastifyRequest } from 'fastify';
import { requestActor } from '../../../http/authenticate.js';
import { PerAddressLimit } from '../../../http/per-address-limit.js';
import { loadContact } from '../contact-record.js';
import { loadPages } from '../pages-record.js';
import { PUBLIC_READS_PER_MINUTE } from '../public-practice.js';
import { publishedProfiles } from '../public-profile.js';
import { PAGE_SLUGS } from '../public-site-schemas.js';
import { crisisLinesFor, practiceOfRequest } from '../../practices/crisis-lines.js';
import { directoryHtml, pageHtml, profileHtml, shellHtml, siteHtml, type SiteFrame } from './first-paint-html.js';
import { firstPaintStrings as s } from './first-paint-strings.js';
import { helpHtml } from './help-html.js';
import { pageTextHtml, pageTextSummary } from './page-text-html.js';

/**
 * The first paint of a public page, rendered on the server from published content only (the same
 * reads as the public API, as the practice's system actor under row-level security): the page's
 * title, a description for search engines, and its markup. `null` when the address is not a public
 * page this renders (the app alone answers it; `/help` is rendered too); `notFound` when it names a practice, page or profile
 * that is not there or not published — nothing of it is rendered.
 */
export type FirstPaint =
  | {
      kind: 'page';
      title: string;
      description: string;
      html: string;
      /** A page of the practice's site, whose styles and script are in the public chunk (`/help` is the app's own). */
      site: boolean;
    }
  | { kind: 'notFound' }
  | null;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function createFirstPaint(
  app: FastifyInstance,
): (request: FastifyRequest, pathname: string) => Promise<FirstPaint> {
  // The same allowance per address as the public API: beyond it the app's plain shell is sent.
  const limit = new PerAddressLimit(PUBLIC_READS_PER_MINUTE, 60_000);
  return async (request, pathname) => {
    if (pathname === '/help') {
      // Signed in, the app's frame has the person's menu: the app alone draws it.
      if (request.cookies[app.ctx.cookie.name] || limit.take(request.ip) > 0) return null;
      return helpFirstPaint(app);
    }
    const route = publicRoute(app, request, pathname);
    if (!route) return null;
    if (limit.take(request.ip) > 0) return null;
    const practices = await app.ctx.access.listPractices();
    const practice =
      route.slug === undefined
        ? practices.length === 1
          ? practices[0]
          : undefined
        : practices.find((p) => p.slug === route.slug);
    if (!practice) return route.slug === undefined ? null : { kind: 'notFound' };
    const actor = requestActor(request, practice.id);
    return app.ctx.access.run(actor, async (tx) => {
      const pages = (await loadPages(tx)).filter((page) => page.published);
      const frame: SiteFrame = {
        slug: practice.slug,
        name: practice.name,
        homePath: route.slug === undefined ? '/' : `/p/${practice.slug}`,
        pages: pages.filter((p) => p.slug !== 'home').map(({ slug, title }) => ({ slug, title })),
        contact: await loadContact(tx),
        current: pathname,
        demo: app.ctx.config.demo || practices.every((p) => p.isDemo),
      };
      const page = (title: string, description: string, body: string, lead?: string): FirstPaint => ({
        kind: 'page',
        title: `${title} · ${s.product}`,
        description,
        html: siteHtml(frame, pageHtml(title, body, lead)),
        site: true,
      });
      const rest = route.rest;
      if (rest.length === 0) {
        const home = pages.find((p) => p.slug === 'home');
        if (!home) return page(practice.name, s.homeFallbackLead, '', s.homeFallbackLead);
        return page(home.title, pageTextSummary(home.body), pageTextHtml(home.body));
      }
      if (rest[0] === 'therapists' && rest.length === 1) {
        return page(
          s.therapists,
          s.directoryLead,
          directoryHtml(practice.slug, await publishedProfiles(tx, practice.slug)),
          s.directoryLead,
        );
      }
      if (rest[0] === 'therapists' && rest.length === 2) {
        const id = rest[1] ?? '';
        if (!UUID.test(id)) return { kind: 'notFound' };
        const [therapist] = await publishedProfiles(tx, practice.slug, id.toLowerCase());
        if (!therapist) return { kind: 'notFound' };
        return page(therapist.name, therapist.approach.replace(/\s+/g, ' ').slice(0, 160), profileHtml(therapist));
      }
      if (rest[0] === 'is-this-right-for-me' && rest.length === 1) {
        // The questions are the app's (answered in the browser only); the frame and the lead come first.
        return page(s.reflection, s.reflectionLead, '', s.reflectionLead);
      }
      if (rest[0] === 'enquire' && rest.length === 1) {
        // The intake form is the app's (nothing is sent from the first paint); the frame and the lead come first.
        return page(s.enquire, s.enquireLead, '', s.enquireLead);
      }
      if (rest.length === 1 && (PAGE_SLUGS as readonly string[]).includes(rest[0] ?? '') && rest[0] !== 'home') {
        const found = pages.find((p) => p.slug === rest[0]);
        if (!found) return { kind: 'notFound' };
        return page(found.title, pageTextSummary(found.body), pageTextHtml(found.body));
      }
      // Any other address under the practice belongs to the app (a form, a page added later).
      return null;
    });
  };
}

/**
 * `/help` for a visitor with no session: the app's frame (with the demo banner when the app would show
 * it) around the crisis lines of the instance's practice — the same choice and the same lines as
 * `GET /api/crisis-resources` — so the numbers are there, and callable, before any script runs.
 */
async function helpFirstPaint(app: FastifyInstance): Promise<FirstPaint> {
  const practices = await app.ctx.access.listPractices();
  const lines = await crisisLinesFor(app.ctx.access, practiceOfRequest(practices, undefined, undefined));
  // As AppShell decides it for a signed-out visitor.
  const demo = app.ctx.config.demo || (practices.length > 0 && practices.every((p) => p.isDemo));
  return {
    kind: 'page',
    title: `${s.help.title} · ${s.product}`,
    description: s.help.lead,
    html: shellHtml(helpHtml(lines), demo),
    site: false,
  };
}

/** Which public page an address names: `/p/<slug>/…`, or `/` for a visitor with no session. */
function publicRoute(
  app: FastifyInstance,
  request: FastifyRequest,
  pathname: string,
): { slug: string | undefined; rest: string[] } | null {
  if (pathname === '/') return request.cookies[app.ctx.cookie.name] ? null : { slug: undefined, rest: [] };
  const parts = pathname.split('/').slice(1);
  if (parts[0] !== 'p' || !parts[1]) return null;
  const rest = parts.slice(2);
  if (rest.at(-1) === '') rest.pop();
  return { slug: parts[1], rest };
}
