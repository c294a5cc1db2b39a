import { STANDARD_CCRT_CLUSTERS } from '@undercurrent/clinical';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addPerson, auditEventsOf, sessionCookie } from '../../test-support/fixtures.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { formulationWorld, sender } from '../../test-support/formulation-fixtures.js';

/**
 * The practice's CCRT category set: the standard clusters (unverified) until the admin saves an
 * edited copy; the admin alone changes it, and a set that does not hold together is refused with
 * messages that say what to change.
 */
let t: TestApp;
let send: ReturnType<typeof sender>;
beforeAll(async () => {
  t = await createTestApp();
  send = sender(t);
});
afterAll(async () => t.close());

const URL = '/api/record/ccrt-categories';
const standardClusters = () => STANDARD_CCRT_CLUSTERS.clusters.map((c) => ({ ...c }));

describe('the CCRT category set', () => {
  it('is the standard set until the admin edits it; therapists read it, only the admin changes it', async () => {
    const w = await formulationWorld(t);
    const admin = await addPerson(t.ctx, w.practiceId, ['admin']);
    const adminCookie = await sessionCookie(t.ctx, admin);
    const standard = await send('GET', URL, w.pair.therapistCookie);
    expect(standard.statusCode).toBe(200);
    expect(standard.json()).toMatchObject({ id: 'ccrt-standard-3', isStandard: true, unverified: true, basedOn: null });
    expect(standard.json().clusters).toHaveLength(STANDARD_CCRT_CLUSTERS.clusters.length);

    const clusters = standardClusters()
      .filter((c) => c.id !== 'w-feel-good')
      .map((c) => (c.id === 'ro-strong' ? { ...c, label: 'Dominating' } : c));
    clusters.push({ id: 'rs-custom-numb', component: 'RS', label: 'Numb', valence: 'negative' });
    const body = { name: 'Northside clusters', unverified: true, clusters };
    for (const cookie of [w.pair.therapistCookie, w.pair.clientCookie]) {
      expect((await send('PUT', URL, cookie, body)).statusCode).toBe(403);
    }
    const saved = await send('PUT', URL, adminCookie, body);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({
      name: 'Northside clusters',
      isStandard: false,
      basedOn: 'ccrt-standard-3',
      id: `practice-${w.practiceId}`,
    });
    const read = (await send('GET', URL, w.pair.therapistCookie)).json();
    expect(read.clusters.find((c: { id: string }) => c.id === 'ro-strong').label).toBe('Dominating');
    expect(read.clusters.some((c: { id: string }) => c.id === 'w-feel-good')).toBe(false);
    expect(read.clusters.at(-1)).toEqual({ id: 'rs-custom-numb', component: 'RS', label: 'Numb', valence: 'negative' });

    // The therapist's formulation can now choose the new cluster, and no longer the removed one.
    const ccrt = (rs: string[], w1: string[]) => ({
      W: { clusterIds: w1, words: '' },
      RO: { clusterIds: [], words: '' },
      RS: { clusterIds: rs, words: '' },
    });
    const base = { presentingDifficulties: '', history: '', attachmentDevelopment: '', goals: [] };
    const ok = await send('PUT', w.url, w.pair.therapistCookie, {
      baseVersion: 0,
      ...base,
      ccrt: ccrt(['rs-custom-numb'], []),
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const gone = await send('PUT', w.url, w.pair.therapistCookie, {
      baseVersion: 1,
      ...base,
      ccrt: ccrt([], ['w-feel-good']),
    });
    expect(gone.statusCode).toBe(400);
    const actions = (await auditEventsOf(t.ctx, w.practiceId)).map((e) => e.action);
    expect(actions).toContain('record.ccrt_categories_changed');
  });

  it('refuses a set that does not hold together, saying what to change, and keeps the saved one', async () => {
    const w = await formulationWorld(t);
    const admin = await addPerson(t.ctx, w.practiceId, ['admin']);
    const cookie = await sessionCookie(t.ctx, admin);
    const put = (clusters: object[], extra: object = {}) =>
      send('PUT', URL, cookie, { name: 'Ours', unverified: true, clusters, ...extra });
    const cases: [string, object[], RegExp][] = [
      ['no wish left', standardClusters().filter((c) => c.component !== 'W'), /at least one wish \(W\) cluster/],
      [
        'a response without a valence',
        standardClusters().map((c) => (c.id === 'ro-bad' ? { id: c.id, component: c.component, label: c.label } : c)),
        /“Bad” is a response: mark it positive or negative/,
      ],
      [
        'a wish with a valence',
        standardClusters().map((c) => (c.id === 'w-close' ? { ...c, valence: 'positive' } : c)),
        /“To be close and accepting” is a wish \(W\): a wish is not marked positive or negative/,
      ],
      [
        'the same id twice',
        [...standardClusters(), { id: 'ro-bad', component: 'RO', label: 'Bad again', valence: 'negative' }],
        /“Bad again”: the same cluster appears twice/,
      ],
      [
        'the same label twice in a component',
        [...standardClusters(), { id: 'ro-bad-2', component: 'RO', label: 'bad', valence: 'negative' }],
        /“bad” is already a response of other \(RO\) cluster/,
      ],
      ['an empty label', [...standardClusters(), { id: 'w-x', component: 'W', label: '' }], /label must be at least 1/],
      [
        'a malformed id',
        [...standardClusters(), { id: 'W X', component: 'W', label: 'X' }],
        /id is not in the expected form/,
      ],
    ];
    for (const [what, clusters, message] of cases) {
      const res = await put(clusters);
      expect(res.statusCode, what).toBe(400);
      expect(res.json().message, what).toMatch(message);
    }
    expect((await put(standardClusters(), { name: '   ' })).json().message).toMatch(/Give the set a name/);
    expect((await send('GET', URL, cookie)).json().isStandard).toBe(true);
  });
});
