import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addPerson, auditEventsOf, scopedQuery, sessionCookie } from '../../test-support/fixtures.js';
import { CSRF, createTestApp, type TestApp } from '../../test-support/test-app.js';
import { JPEG_BYTES, PNG_BYTES, publicWorld, READY_PROFILE } from '../../test-support/public-site-fixtures.js';

/** Directory profiles: the therapist's own draft, the admin's publishing, photos, and what the public sees. */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const get = (url: string, cookie?: string) => t.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
const send = (method: 'PUT' | 'POST', url: string, cookie: string, payload: object) =>
  t.app.inject({ method, url, headers: { cookie, ...CSRF }, payload });
const upload = (cookie: string, bytes: Buffer, alt: string | null, type = 'image/png') =>
  t.app.inject({
    method: 'PUT',
    url: `/api/public-site/my-profile/photo${alt === null ? '' : `?alt=${encodeURIComponent(alt)}`}`,
    headers: { cookie, ...CSRF, 'content-type': type },
    payload: bytes,
  });

describe('directory profiles', () => {
  it('go public only when the admin publishes; later edits wait for the admin, and taking down is immediate', async () => {
    const { practiceId, people, cookies, slug } = await publicWorld(t.ctx);
    const id = people.therapist.userId;
    const mine = await get('/api/public-site/my-profile', cookies.therapist);
    expect(mine.json()).toMatchObject({ therapistId: id, status: 'not_started', published: null });

    const saved = await send('PUT', '/api/public-site/my-profile', cookies.therapist, READY_PROFILE);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ status: 'draft', publishProblems: [] });
    expect((await get(`/api/public/practices/${slug}/therapists`)).json()).toEqual({ therapists: [] });
    expect((await get(`/api/public/practices/${slug}/therapists/${id}`)).statusCode).toBe(404);

    // The admin reviews the draft, and publishes exactly what they saw.
    const list = await get('/api/public-site/profiles', cookies.admin);
    const row = list.json().profiles.find((p: { therapistId: string }) => p.therapistId === id);
    expect(row.status).toBe('draft');
    const published = await send('POST', `/api/public-site/profiles/${id}/publish`, cookies.admin, {
      draftUpdatedAt: row.draftUpdatedAt,
    });
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json().profile.status).toBe('published');

    const directory = (await get(`/api/public/practices/${slug}/therapists`)).json().therapists;
    expect(directory).toEqual([
      {
        id,
        name: 'Test therapist',
        approach: READY_PROFILE.approach,
        training: READY_PROFILE.training,
        registrations: [{ body: 'UKCP', number: 'UKCP-12345' }],
        specialisms: ['Anxiety', 'Loss'],
        languages: ['English', 'Welsh'],
        formats: ['in_person', 'online'],
        feePence: 7000,
        concessions: 'Two reduced-fee places.',
        availability: { kind: 'ask', statement: 'Please ask the practice about current availability.' },
        availabilityNote: '',
        photo: null,
        gender: null,
      },
    ]);
    expect((await get(`/api/public/practices/${slug}`)).json().therapists).toBe(1);

    // An edit after publishing keeps the published version live until the admin publishes it.
    const edited = await send('PUT', '/api/public-site/my-profile', cookies.therapist, {
      ...READY_PROFILE,
      approach: 'A new way of putting it.',
    });
    expect(edited.json().status).toBe('changes_waiting');
    const profile = (await get(`/api/public/practices/${slug}/therapists/${id}`)).json().therapist;
    expect(profile.approach).toBe(READY_PROFILE.approach);

    // Publishing a draft the admin has not seen is refused.
    const stale = await send('POST', `/api/public-site/profiles/${id}/publish`, cookies.admin, {
      draftUpdatedAt: row.draftUpdatedAt,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().message).toContain('changed their profile while you were reading it');
    await send('POST', `/api/public-site/profiles/${id}/publish`, cookies.admin, {
      draftUpdatedAt: edited.json().draftUpdatedAt,
    });
    expect((await get(`/api/public/practices/${slug}/therapists/${id}`)).json().therapist.approach).toBe(
      'A new way of putting it.',
    );

    const down = await send('POST', `/api/public-site/profiles/${id}/unpublish`, cookies.admin, {});
    expect(down.statusCode).toBe(200);
    expect(down.json().profile.status).toBe('draft');
    expect((await get(`/api/public/practices/${slug}/therapists/${id}`)).statusCode).toBe(404);

    const actions = (await auditEventsOf(t.ctx, practiceId))
      .filter((e) => e.action.startsWith('public_site.'))
      .map((e) => `${e.action}:${e.outcome}`);
    expect(actions).toEqual([
      'public_site.profile_saved:success',
      'public_site.profile_published:success',
      'public_site.profile_saved:success',
      'public_site.profile_published:failure',
      'public_site.profile_published:success',
      'public_site.profile_unpublished:success',
    ]);
  });

  it('refuses publishing an incomplete profile, saying what is missing', async () => {
    const { people, cookies } = await publicWorld(t.ctx);
    const saved = await send('PUT', '/api/public-site/my-profile', cookies.therapist, {
      ...READY_PROFILE,
      approach: '  ',
      formats: [],
    });
    expect(saved.json().publishProblems).toEqual([
      'Say how you work (your approach).',
      'Say whether you see people in person, online or both.',
    ]);
    const res = await send('POST', `/api/public-site/profiles/${people.therapist.userId}/publish`, cookies.admin, {
      draftUpdatedAt: saved.json().draftUpdatedAt,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toContain('Say how you work');
  });

  it('is each therapist’s own: the route writes only mine, the database refuses anyone else’s, and only the admin publishes', async () => {
    const { practiceId, people, cookies } = await publicWorld(t.ctx);
    const other = await addPerson(t.ctx, practiceId, ['therapist']);
    const otherCookie = await sessionCookie(t.ctx, other);
    await send('PUT', '/api/public-site/my-profile', otherCookie, { ...READY_PROFILE, approach: 'Other’s words' });
    await send('PUT', '/api/public-site/my-profile', cookies.therapist, READY_PROFILE);
    const [row] = await scopedQuery<{ draft: { approach: string } }>(
      t.ctx,
      practiceId,
      'SELECT draft FROM therapist_profiles WHERE therapist_id = $1',
      [other.userId],
    );
    expect(row?.draft.approach).toBe('Other’s words');

    const asTherapist = { practiceId, userId: people.therapist.userId, roles: ['therapist'] as const };
    await expect(
      t.ctx.access.run({ ...asTherapist, roles: ['therapist'] }, (tx) =>
        tx.query(`UPDATE therapist_profiles SET draft = '{}'::jsonb WHERE therapist_id = $1`, [other.userId]),
      ),
    ).resolves.toMatchObject({ rowCount: 0 });
    await expect(
      t.ctx.access.run({ ...asTherapist, roles: ['therapist'] }, (tx) =>
        tx.query(`INSERT INTO therapist_profiles (practice_id, therapist_id, draft) VALUES ($1, $2, '{}'::jsonb)`, [
          practiceId,
          people.admin.userId,
        ]),
      ),
    ).rejects.toThrow(/row-level security/);

    const publish = (cookie: string) =>
      send('POST', `/api/public-site/profiles/${other.userId}/publish`, cookie, {
        draftUpdatedAt: new Date().toISOString(),
      });
    expect((await publish(cookies.therapist)).statusCode).toBe(403);
    expect((await publish(cookies.supervisor)).statusCode).toBe(403);
    expect((await get('/api/public-site/my-profile', cookies.admin)).statusCode).toBe(403);
    expect((await get('/api/public-site/profiles', cookies.therapist)).statusCode).toBe(403);
  });

  it('refuses a registration without a number and a photo without a description, field by field', async () => {
    const { cookies } = await publicWorld(t.ctx);
    const res = await send('PUT', '/api/public-site/my-profile', cookies.therapist, {
      ...READY_PROFILE,
      registrations: [{ body: 'other', number: ' ' }],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields.map((f: { field: string }) => f.field)).toEqual([
      'registrations.0.number',
      'registrations.0.otherName',
    ]);
    const photo = await send('PUT', '/api/public-site/my-profile', cookies.therapist, {
      ...READY_PROFILE,
      photoId: '2f1b7c1e-9d7a-4c1e-8a8e-0f6a8b1c2d3e',
      photoAlt: 'Me',
    });
    expect(photo.statusCode).toBe(400);
    expect(photo.json().fields).toEqual([
      { field: 'photoId', message: expect.stringContaining('not one you uploaded') },
    ]);
  });

  it('carry the gender a therapist chooses to give — or nothing when they prefer not to say — and need words when self-described', async () => {
    const { cookies, people, slug } = await publicWorld(t.ctx);
    const id = people.therapist.userId;
    const blank = await send('PUT', '/api/public-site/my-profile', cookies.therapist, {
      ...READY_PROFILE,
      gender: 'self_described',
      genderDescribed: '  ',
    });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().fields).toEqual([
      { field: 'genderDescribed', message: expect.stringContaining('Prefer not to say') },
    ]);
    const unknown = await send('PUT', '/api/public-site/my-profile', cookies.therapist, {
      ...READY_PROFILE,
      gender: 'x',
    });
    expect(unknown.statusCode).toBe(400);

    const saved = await send('PUT', '/api/public-site/my-profile', cookies.therapist, {
      ...READY_PROFILE,
      gender: 'self_described',
      genderDescribed: ' Non-binary ',
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().draft).toMatchObject({ gender: 'self_described', genderDescribed: 'Non-binary' });
    const row = (await get('/api/public-site/profiles', cookies.admin))
      .json()
      .profiles.find((p: { therapistId: string }) => p.therapistId === id);
    await send('POST', `/api/public-site/profiles/${id}/publish`, cookies.admin, {
      draftUpdatedAt: row.draftUpdatedAt,
    });
    const shown = async () => (await get(`/api/public/practices/${slug}/therapists/${id}`)).json().therapist.gender;
    expect(await shown()).toEqual({ kind: 'self_described', words: 'Non-binary' });

    // Moving back to "prefer not to say" drops the words, and the public sees nothing once published.
    const undisclosed = await send('PUT', '/api/public-site/my-profile', cookies.therapist, {
      ...READY_PROFILE,
      gender: 'undisclosed',
      genderDescribed: 'Non-binary',
    });
    expect(undisclosed.json().draft).toMatchObject({ gender: 'undisclosed', genderDescribed: '' });
    const again = (await get('/api/public-site/profiles', cookies.admin))
      .json()
      .profiles.find((p: { therapistId: string }) => p.therapistId === id);
    await send('POST', `/api/public-site/profiles/${id}/publish`, cookies.admin, {
      draftUpdatedAt: again.draftUpdatedAt,
    });
    expect(await shown()).toBeNull();
  });
});

describe('profile photos', () => {
  it('read the type from the bytes, need a description, are private until published, then cached for a year', async () => {
    const { practiceId, people, cookies, slug } = await publicWorld(t.ctx);
    const id = people.therapist.userId;
    await send('PUT', '/api/public-site/my-profile', cookies.therapist, READY_PROFILE);

    const text = await upload(cookies.therapist, Buffer.from('<svg onload="alert(1)"></svg>'), 'A photo', 'image/png');
    expect(text.statusCode).toBe(415);
    expect(text.json().message).toContain('not a PNG, JPEG or WebP picture');
    expect((await upload(cookies.therapist, PNG_BYTES, null)).statusCode).toBe(400);
    expect((await upload(cookies.therapist, PNG_BYTES, '   ')).statusCode).toBe(400);
    const big = await upload(cookies.therapist, Buffer.concat([PNG_BYTES, Buffer.alloc(2 * 1024 * 1024)]), 'Me');
    expect(big.statusCode).toBe(413);
    expect(big.json().message).toContain('the most is 2 MB');
    const svgType = await upload(cookies.therapist, PNG_BYTES, 'Me', 'image/svg+xml');
    expect(svgType.statusCode).toBe(415);

    // A JPEG sent as "application/octet-stream" is still recognised as a JPEG.
    const jpeg = await upload(cookies.therapist, JPEG_BYTES, 'Sam at the window', 'application/octet-stream');
    expect(jpeg.statusCode, jpeg.body).toBe(200);
    const ok = await upload(cookies.therapist, PNG_BYTES, 'Sam smiling, in a blue jumper');
    expect(ok.statusCode, ok.body).toBe(200);
    const state = ok.json();
    expect(state.draft).toMatchObject({ photoAlt: 'Sam smiling, in a blue jumper' });
    const photoId = state.draft.photoId as string;
    // The superseded JPEG is gone: only photos a profile shows are kept.
    const kept = await scopedQuery<{ id: string; content_type: string }>(
      t.ctx,
      practiceId,
      'SELECT id, content_type FROM profile_photos WHERE therapist_id = $1',
      [id],
    );
    expect(kept).toEqual([{ id: photoId, content_type: 'image/png' }]);

    // The therapist and the admin can see the draft's photo; the public cannot, until it is published.
    expect((await get(`/api/public-site/photos/${photoId}`, cookies.therapist)).statusCode).toBe(200);
    expect((await get(`/api/public-site/photos/${photoId}`, cookies.admin)).statusCode).toBe(200);
    expect((await get(`/api/public-site/photos/${photoId}`, cookies.client)).statusCode).toBe(403);
    expect((await get(`/media/${slug}/photos/${photoId}`)).statusCode).toBe(404);

    await send('POST', `/api/public-site/profiles/${id}/publish`, cookies.admin, {
      draftUpdatedAt: state.draftUpdatedAt,
    });
    const served = await get(`/media/${slug}/photos/${photoId}`);
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/png');
    expect(served.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(served.headers['x-content-type-options']).toBe('nosniff');
    expect(served.rawPayload.equals(PNG_BYTES)).toBe(true);
    const profile = (await get(`/api/public/practices/${slug}/therapists/${id}`)).json().therapist;
    expect(profile.photo).toEqual({ url: `/media/${slug}/photos/${photoId}`, alt: 'Sam smiling, in a blue jumper' });

    // Another practice's address does not serve it.
    const elsewhere = await publicWorld(t.ctx);
    expect((await get(`/media/${elsewhere.slug}/photos/${photoId}`)).statusCode).toBe(404);

    // Removing the photo from the draft keeps the published one until the change is published.
    const removed = await send('PUT', '/api/public-site/my-profile', cookies.therapist, READY_PROFILE);
    expect(removed.json().status).toBe('changes_waiting');
    expect((await get(`/media/${slug}/photos/${photoId}`)).statusCode).toBe(200);
    const events = (await auditEventsOf(t.ctx, practiceId)).map((e) => e.action);
    expect(events.filter((a) => a === 'public_site.photo_uploaded')).toHaveLength(2);
    expect(events).toContain('public_site.photo_removed');
  });
});
