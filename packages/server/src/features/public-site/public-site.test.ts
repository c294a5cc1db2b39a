import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEventsOf } from '../../test-support/fixtures.js';
import { CSRF, createTestApp, type TestApp } from '../../test-support/test-app.js';
import { publicWorld } from '../../test-support/public-site-fixtures.js';

/** The public pages and contact details: defaults, editing, publishing, and what the public may see. */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const get = (url: string, cookie?: string) => t.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
const put = (url: string, cookie: string, payload: object) =>
  t.app.inject({ method: 'PUT', url, headers: { cookie, ...CSRF }, payload });

describe('public pages', () => {
  it('start with default text written for the practice, unpublished, so nothing is public until the admin says so', async () => {
    const { cookies, slug } = await publicWorld(t.ctx);
    const pages = await get('/api/public-site/pages', cookies.admin);
    expect(pages.statusCode).toBe(200);
    const list = pages.json().pages as {
      slug: string;
      title: string;
      body: string;
      published: boolean;
      isDefault: boolean;
    }[];
    expect(list.map((p) => p.slug)).toEqual(['home', 'therapy', 'practice', 'fees', 'accessibility', 'privacy']);
    expect(list.every((p) => !p.published && p.isDefault)).toBe(true);
    expect(list[0]?.title).toBe('Riverside Therapy');
    const therapy = list.find((p) => p.slug === 'therapy')?.body ?? '';
    for (const words of ['Free association', 'Dreams', 'CBT', 'Confidentiality', 'never be made to talk']) {
      expect(therapy).toContain(words);
    }
    expect(list.find((p) => p.slug === 'privacy')?.body).toContain('subject access request');

    const site = await get(`/api/public/practices/${slug}`);
    expect(site.statusCode).toBe(200);
    expect(site.json()).toEqual({
      practice: { name: 'Riverside Therapy', slug },
      contact: { email: null, phone: null, address: null },
      pages: [],
      home: null,
      therapists: 0,
    });
    const page = await get(`/api/public/practices/${slug}/pages/therapy`);
    expect(page.statusCode).toBe(404);
    expect(page.json().message).toContain('not available');
  });

  it('lets the admin edit and publish a page, which the public then reads without signing in, and audits it', async () => {
    const { practiceId, cookies, slug } = await publicWorld(t.ctx);
    const body = '## Fees\n\nA session costs **£70**. [Ask us](mailto:hello@riverside.example).';
    const saved = await put('/api/public-site/pages/fees', cookies.admin, { title: 'Our fees', body, published: true });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().page).toMatchObject({
      slug: 'fees',
      title: 'Our fees',
      body,
      published: true,
      isDefault: false,
    });

    const page = await get(`/api/public/practices/${slug}/pages/fees`);
    expect(page.statusCode).toBe(200);
    expect(page.json()).toEqual({ slug: 'fees', title: 'Our fees', body });
    expect(page.headers['cache-control']).toBe('no-store');
    expect((await get(`/api/public/practices/${slug}`)).json().pages).toEqual([{ slug: 'fees', title: 'Our fees' }]);

    // Unpublishing takes it down at once.
    await put('/api/public-site/pages/fees', cookies.admin, { title: 'Our fees', body, published: false });
    expect((await get(`/api/public/practices/${slug}/pages/fees`)).statusCode).toBe(404);

    const events = (await auditEventsOf(t.ctx, practiceId)).filter((e) => e.action === 'public_site.page_changed');
    expect(events).toEqual([
      expect.objectContaining({ subject_id: 'fees', details: { published: true, characters: body.length } }),
      expect.objectContaining({ subject_id: 'fees', details: { published: false, characters: body.length } }),
    ]);
    expect(JSON.stringify(events)).not.toContain('£70');
  });

  it('keeps HTML in a page as text, and refuses a link that could run script, saying on which line', async () => {
    const { cookies, slug } = await publicWorld(t.ctx);
    const body = '<script>alert(1)</script>\n<img src=x onerror=alert(2)>';
    expect(
      (await put('/api/public-site/pages/home', cookies.admin, { title: 'Home', body, published: true })).statusCode,
    ).toBe(200);
    expect((await get(`/api/public/practices/${slug}`)).json().home).toEqual({ title: 'Home', body });

    const bad = await put('/api/public-site/pages/home', cookies.admin, {
      title: 'Home',
      body: 'Hello\n[click me](javascript:alert(1))',
      published: true,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields).toEqual([{ field: 'body', message: expect.stringContaining('Line 2') }]);
    const blank = await put('/api/public-site/pages/home', cookies.admin, { title: '   ', body: 'x', published: true });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().fields).toEqual([{ field: 'title', message: 'Give the page a title.' }]);
    expect(
      (await put('/api/public-site/pages/secret', cookies.admin, { title: 'x', body: 'x', published: true }))
        .statusCode,
    ).toBe(400);
  });

  it('is edited by the admin only', async () => {
    const { cookies } = await publicWorld(t.ctx);
    for (const who of ['therapist', 'supervisor', 'client'] as const) {
      expect((await get('/api/public-site/pages', cookies[who])).statusCode).toBe(403);
      expect(
        (await put('/api/public-site/pages/home', cookies[who], { title: 'x', body: 'x', published: true })).statusCode,
      ).toBe(403);
    }
    expect((await get('/api/public-site/pages')).statusCode).toBe(401);
  });

  it('answers an unknown practice with 404 and a way on', async () => {
    const res = await get('/api/public/practices/no-such-practice-here');
    expect(res.statusCode).toBe(404);
    expect(res.json().message).toContain('no practice at this address');
    expect((await get('/api/public/practices/Bad%20Slug')).statusCode).toBe(400);
  });
});

describe('public contact details', () => {
  it('are set by the admin, shown on the public site, and checked', async () => {
    const { practiceId, cookies, slug } = await publicWorld(t.ctx);
    const contact = {
      email: ' hello@riverside.example ',
      phone: '020 7946 0000',
      address: '12 River Road\nLeeds LS1 1AA',
    };
    const saved = await put('/api/public-site/contact', cookies.admin, contact);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toEqual({ ...contact, email: 'hello@riverside.example' });
    expect((await get(`/api/public/practices/${slug}`)).json().contact).toEqual(saved.json());
    expect((await get('/api/public-site/contact', cookies.admin)).json()).toEqual(saved.json());

    const bad = await put('/api/public-site/contact', cookies.admin, {
      email: 'not an address',
      phone: 'call me',
      address: '',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields.map((f: { field: string }) => f.field)).toEqual(['email', 'phone']);
    expect((await put('/api/public-site/contact', cookies.therapist, contact)).statusCode).toBe(403);
    const events = (await auditEventsOf(t.ctx, practiceId)).filter((e) => e.action === 'public_site.contact_changed');
    expect(events).toEqual([
      expect.objectContaining({ outcome: 'success', details: { email: true, phone: true, address: true } }),
    ]);
  });

  it('never show one practice’s pages at another practice’s address', async () => {
    const a = await publicWorld(t.ctx);
    const b = await publicWorld(t.ctx);
    await put('/api/public-site/pages/fees', a.cookies.admin, { title: 'A fees', body: 'A', published: true });
    expect((await get(`/api/public/practices/${b.slug}/pages/fees`)).statusCode).toBe(404);
    expect((await get(`/api/public/practices/${a.slug}/pages/fees`)).statusCode).toBe(200);
  });
});
