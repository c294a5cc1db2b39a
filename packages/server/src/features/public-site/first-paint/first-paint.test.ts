import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../../app.js';
import { CONTENT_SECURITY_POLICY } from '../../../http/security-headers.js';
import { CSRF, createTestApp, type TestApp } from '../../../test-support/test-app.js';
import { publicWorld, READY_PROFILE } from '../../../test-support/public-site-fixtures.js';
import { crisisLinesFor, practiceOfRequest } from '../../practices/crisis-lines.js';
import { helpHtml } from './help-html.js';
import { pageTextHtml } from './page-text-html.js';

/**
 * The server-rendered first paint of the public pages: the built shell filled with published content
 * only, every piece of it escaped, and 404 for what is not published. Uses a small stand-in for the
 * web build (its index.html and manifest), served by the real app against the real database.
 */
let t: TestApp;
let web: FastifyInstance;
let dist: string;

const SHELL = `<!doctype html>
<html lang="en-GB">
  <head>
    <meta charset="utf-8" />
    <title>Undercurrent</title>
    <script type="module" crossorigin src="/assets/index-abc.js"></script>
  </head>
  <body>
    <div id="root"></div>
  </body>
</html>
`;

beforeAll(async () => {
  t = await createTestApp();
  dist = fs.mkdtempSync(path.join(os.tmpdir(), 'uc-first-paint-'));
  fs.writeFileSync(path.join(dist, 'index.html'), SHELL);
  fs.mkdirSync(path.join(dist, '.vite'));
  fs.writeFileSync(
    path.join(dist, '.vite', 'manifest.json'),
    JSON.stringify({
      'src/pages/site/index.ts': {
        file: 'assets/index-site.js',
        css: ['assets/index-site.css'],
        imports: ['_PageText.js', '_react.js'],
        isDynamicEntry: true,
      },
      '_PageText.js': { file: 'assets/PageText.js', css: ['assets/PageText.css'], imports: ['_react.js'] },
      '_react.js': { file: 'assets/react.js' },
      'src/pages/record/index.ts': { file: 'assets/record.js', css: ['assets/record.css'] },
    }),
  );
  web = await buildApp({ ...t.ctx, config: { ...t.ctx.config, webDistDir: dist } }, { logger: false });
});
afterAll(async () => {
  await web.close();
  await t.close();
  fs.rmSync(dist, { recursive: true, force: true });
});

const page = (url: string, cookie?: string) => web.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
const send = (method: 'PUT' | 'POST', url: string, cookie: string, payload: object) =>
  t.app.inject({ method, url, headers: { cookie, ...CSRF }, payload });

/** The server's page: what sits in #server-page. */
function serverPage(html: string): string {
  const start = html.indexOf('<div id="server-page">');
  const end = html.indexOf('<div id="root"></div>');
  return start >= 0 && end > start ? html.slice(start, end) : '';
}

describe('the public pages’ first paint', () => {
  it('renders a published page as HTML in the shell, with its title, description, the public stylesheet and the CSP unchanged', async () => {
    const { cookies, slug } = await publicWorld(t.ctx);
    const body =
      'A session costs **£70**, paid monthly.\n\n## Lower fees\n\n- Two places\n- [Ask us](mailto:hello@riverside.example)';
    expect(
      (await send('PUT', '/api/public-site/pages/fees', cookies.admin, { title: 'Our fees', body, published: true }))
        .statusCode,
    ).toBe(200);

    const reply = await page(`/p/${slug}/fees`);
    expect(reply.statusCode).toBe(200);
    expect(reply.headers['content-type']).toContain('text/html');
    expect(reply.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    const html = reply.body;
    expect(html).toContain('<html lang="en-GB">');
    expect(html).toContain('<title>Our fees · Undercurrent</title>');
    expect(html).toContain('<meta name="description" content="A session costs £70, paid monthly." />');
    expect(html).toContain('<link rel="stylesheet" href="/assets/index-site.css" />');
    // The stylesheets of the chunks it imports too (the public pages' styles sit in a shared one).
    expect(html).toContain('<link rel="stylesheet" href="/assets/PageText.css" />');
    expect(html).not.toContain('record.css');
    expect(html).toContain('<link rel="modulepreload" crossorigin fetchpriority="low" href="/assets/index-site.js" />');
    expect(html).toContain('<script type="module" fetchpriority="low" crossorigin src="/assets/index-abc.js">');
    const main = serverPage(html);
    expect(main).toContain('<h1 tabindex="-1">Our fees</h1>');
    expect(main).toContain('<p>A session costs <strong>£70</strong>, paid monthly.</p>');
    expect(main).toContain('<h2>Lower fees</h2>');
    expect(main).toContain('<li><a href="mailto:hello@riverside.example" rel="noopener noreferrer">Ask us</a></li>');
    expect(main).toContain('Riverside Therapy');
    // The navigation lists published pages only, and marks this one.
    expect(main).toContain(`<a href="/p/${slug}/fees" aria-current="page" class="active">Our fees</a>`);
    expect(main).not.toContain(`/p/${slug}/therapy"`);
    // No script or style of its own: the CSP forbids inline ones.
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).not.toMatch(/<style|style=/);
  });

  it('renders a page text with <script> and quotes inert in the server HTML', async () => {
    const { cookies, slug } = await publicWorld(t.ctx);
    const attack =
      'Hello <script>alert("x")</script> and <img src=x onerror="alert(1)"> \'quoted\' & "double".\n\n' +
      '**<b>bold</b>** [our fees](/p/fees?a=1&b=2)';
    const title = 'Fees <script>alert(1)</script> "quoted"';
    expect(
      (await send('PUT', '/api/public-site/pages/fees', cookies.admin, { title, body: attack, published: true }))
        .statusCode,
    ).toBe(200);
    await send('PUT', '/api/public-site/contact', cookies.admin, {
      email: null,
      phone: null,
      address: '1 <i>River</i> "Street"',
    });

    const html = (await page(`/p/${slug}/fees`)).body;
    // The one script is the shell's own; nothing from the page opens an element or ends an attribute.
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).not.toMatch(/<img|<b>|<i>|onerror="/);
    const main = serverPage(html);
    expect(main).toContain('Hello &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(main).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &#39;quoted&#39; &amp; &quot;double&quot;.');
    expect(main).toContain('<strong>&lt;b&gt;bold&lt;/b&gt;</strong> <a href="/p/fees?a=1&amp;b=2">our fees</a>');
    expect(main).toContain('<h1 tabindex="-1">Fees &lt;script&gt;alert(1)&lt;/script&gt; &quot;quoted&quot;</h1>');
    expect(main).toContain('1 &lt;i&gt;River&lt;/i&gt; &quot;Street&quot;');
    expect(html).toContain(
      '<title>Fees &lt;script&gt;alert(1)&lt;/script&gt; &quot;quoted&quot; · Undercurrent</title>',
    );
  });

  it('answers 404 with the plain shell for an unpublished page, an unknown practice and a profile that is not public', async () => {
    const { cookies, slug, people } = await publicWorld(t.ctx);
    const body = 'Secret draft words about fees.';
    await send('PUT', '/api/public-site/pages/fees', cookies.admin, { title: 'Draft fees', body, published: false });
    for (const url of [
      `/p/${slug}/fees`,
      `/p/${slug}/privacy`,
      '/p/no-such-practice',
      '/p/no-such-practice/fees',
      `/p/${slug}/therapists/${people.therapist.userId}`,
      `/p/${slug}/therapists/not-an-id`,
    ]) {
      const reply = await page(url);
      expect(reply.statusCode, url).toBe(404);
      expect(reply.body, url).toBe(SHELL);
    }
    // The home page shows the navigation without the draft.
    const home = (await page(`/p/${slug}`)).body;
    expect(home).not.toContain('Draft fees');
    expect(home).not.toContain('Secret draft');
    // Addresses the app alone answers are left to it.
    expect((await page(`/p/${slug}/some-form`)).body).toBe(SHELL);
  });

  it('renders the home page, the directory and a profile from published content only', async () => {
    const { cookies, slug, people } = await publicWorld(t.ctx);
    const home = await page(`/p/${slug}`);
    expect(home.statusCode).toBe(200);
    expect(serverPage(home.body)).toContain('<h1 tabindex="-1">Riverside Therapy</h1>');
    expect(serverPage(home.body)).toContain('The practice has not published its home page yet.');

    await send('PUT', '/api/public-site/pages/home', cookies.admin, {
      title: 'Welcome to Riverside',
      body: 'Talking therapy in **Leeds**.',
      published: true,
    });
    const published = serverPage((await page(`/p/${slug}`)).body);
    expect(published).toContain('<h1 tabindex="-1">Welcome to Riverside</h1>');
    expect(published).toContain('<p>Talking therapy in <strong>Leeds</strong>.</p>');

    const id = people.therapist.userId;
    await send('PUT', '/api/public-site/my-profile', cookies.therapist, {
      ...READY_PROFILE,
      approach: 'I listen <carefully> & "slowly".',
    });
    expect(serverPage((await page(`/p/${slug}/therapists`)).body)).toContain('No therapist has a public profile');
    const row = (
      await t.app.inject({ method: 'GET', url: '/api/public-site/profiles', headers: { cookie: cookies.admin } })
    )
      .json()
      .profiles.find((p: { therapistId: string }) => p.therapistId === id);
    const publishedProfile = await send('POST', `/api/public-site/profiles/${id}/publish`, cookies.admin, {
      draftUpdatedAt: row.draftUpdatedAt,
    });
    expect(publishedProfile.statusCode, publishedProfile.body).toBe(200);

    const directory = serverPage((await page(`/p/${slug}/therapists`)).body);
    expect(directory).toContain(`<a href="/p/${slug}/therapists/${id}">`);
    expect(directory).toContain('Anxiety · Loss');
    const profile = await page(`/p/${slug}/therapists/${id}`);
    expect(profile.statusCode).toBe(200);
    expect(serverPage(profile.body)).toContain('I listen &lt;carefully&gt; &amp; &quot;slowly&quot;.');
    expect(serverPage(profile.body)).toContain('MA in Psychoanalytic Psychotherapy.');

    const reflection = serverPage((await page(`/p/${slug}/is-this-right-for-me`)).body);
    expect(reflection).toContain('<h1 tabindex="-1">Is this right for me?</h1>');
    const enquire = serverPage((await page(`/p/${slug}/enquire`)).body);
    expect(enquire).toContain('<h1 tabindex="-1">Ask about a first consultation</h1>');
    expect(enquire).not.toContain('<form');
  });

  it('leaves signed-in visitors and other addresses to the app', async () => {
    const { cookies } = await publicWorld(t.ctx);
    expect((await page('/sign-in')).body).toBe(SHELL);
    expect((await page('/', cookies.admin)).body).toBe(SHELL);
  });
});

describe('the first paint of /help', () => {
  const LOCAL = {
    name: 'Leeds <b>Night</b> Line & "Friends"',
    phone: '0113 496 0000',
    textNumber: null,
    textKeyword: null,
    url: null,
    hours: 'Evenings <script>alert(1)</script>',
    description: 'A local line.',
  };

  it('holds the emergency line and the region’s numbers as links that work without script, in the app’s frame, CSP unchanged', async () => {
    await publicWorld(t.ctx);
    const reply = await page('/help');
    expect(reply.statusCode).toBe(200);
    expect(reply.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    const html = reply.body;
    expect(html).toContain('<title>Need help now? · Undercurrent</title>');
    expect(html).toContain('<meta name="description" content="If you are in danger,');
    // The help page is the app's own: no stylesheet or script of the public chunk.
    expect(html).not.toContain('index-site');
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).not.toMatch(/<style|style=/);
    const main = serverPage(html);
    expect(main).toContain('<main id="server-main" class="main" tabindex="-1">');
    expect(main).toContain('<h1 tabindex="-1">Need help now?</h1>');
    expect(main).toContain('<h2 id="server-help-emergency">In an emergency</h2>');
    expect(main).toContain('<a class="button button-danger crisis-link" href="tel:999">Call Emergency services</a>');
    expect(main).toContain('Call 999 or go to A&amp;E');
    expect(main).toContain('<a class="button button-primary crisis-link" href="tel:116123">Call Samaritans</a>');
    expect(main).toContain('href="sms:85258');
    expect(main).toContain('<a href="/sign-in">Back to signing in</a>');
    // A session's visitor gets the app alone (its frame has the person's menu).
    expect((await page('/help', 'uc_session=x')).body).toBe(SHELL);
  });

  it('shows the demo banner only on a demo instance', async () => {
    await publicWorld(t.ctx);
    expect(serverPage((await page('/help')).body)).not.toContain('demo-banner');
    const demo = await buildApp(
      { ...t.ctx, config: { ...t.ctx.config, webDistDir: dist, demo: true } },
      { logger: false },
    );
    try {
      const main = serverPage((await demo.inject({ method: 'GET', url: '/help' })).body);
      expect(main).toContain('<div class="demo-banner" role="note"><strong>Demo practice</strong>');
      expect(main).toContain('href="tel:999"');
    } finally {
      await demo.close();
    }
  });

  it('lists the local resources of the request’s practice only, escaped, after the region’s lines', async () => {
    const mine = await publicWorld(t.ctx);
    const other = await publicWorld(t.ctx);
    const saved = await send('PUT', '/api/safeguarding/crisis-resources', mine.cookies.admin, { resources: [LOCAL] });
    expect(saved.statusCode, saved.body).toBe(200);
    await send('PUT', '/api/safeguarding/crisis-resources', other.cookies.admin, {
      resources: [{ ...LOCAL, name: 'Other practice line', phone: '0161 496 0000' }],
    });

    // The practice of a one-practice instance is the one whose lines are drawn.
    const practices = (await t.ctx.access.listPractices()).filter((p) => p.id === mine.practiceId);
    const practice = practiceOfRequest(practices, undefined, undefined);
    expect(practice?.id).toBe(mine.practiceId);
    const lines = await crisisLinesFor(t.ctx.access, practice);
    const html = helpHtml(lines);
    expect(html).toContain(
      '<h3 class="crisis-name">Leeds &lt;b&gt;Night&lt;/b&gt; Line &amp; &quot;Friends&quot;</h3>',
    );
    expect(html).toContain(
      '<a class="button button-primary crisis-link" href="tel:01134960000">Call Leeds &lt;b&gt;Night&lt;/b&gt; Line &amp; &quot;Friends&quot;</a>',
    );
    expect(html).toContain('Evenings &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toMatch(/<script|<b>/);
    expect(html).not.toContain('Other practice line');
    expect(html.indexOf('Samaritans')).toBeLessThan(html.indexOf('Leeds'));
    // The same lines as the public API gives for that practice.
    const api = await t.app.inject({ method: 'GET', url: `/api/crisis-resources?practice=${mine.slug}` });
    expect(api.json()).toEqual(lines);

    // With several practices and no session, the region's lines alone: no practice's own.
    const help = serverPage((await page('/help')).body);
    expect(help).toContain('href="tel:116123"');
    expect(help).not.toContain('Leeds');
    expect(help).not.toContain('Other practice line');
  });
});

describe('page text as HTML', () => {
  it('keeps links the parser refuses as words, even in text saved before the check', () => {
    const html = pageTextHtml('[click](javascript:alert(1)) [ok](/p/a"onmouseover="alert(1)) <script>x</script>');
    expect(html).not.toMatch(/<a |<script|onmouseover="/);
    expect(html).toContain('&lt;script&gt;x&lt;/script&gt;');
  });
});
