import crypto from 'node:crypto';
import { dreamCodeLabel } from '@undercurrent/clinical';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { practiceWithEveryRole } from '../../test-support/fixtures.js';
import { CHASE_DREAM, chaseCorrections, WAY_HOME } from '../../test-support/dream-fixtures.js';
import { DREAM_CODES_LEAD } from './pack-sections/dream-codes.js';
import { placeInCare } from '../../test-support/frame-fixtures.js';
import { pdfText } from '../../test-support/pdf-text.js';
import { CSRF, createTestApp, type TestApp } from '../../test-support/test-app.js';

/**
 * The therapist's corrections of dream codes are part of the client's record, so a subject-access pack
 * carries them (the `dream_codes` section): what was added with its words, changed from what to what,
 * and removed — in the JSON and in the PDF.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

async function call(method: 'GET' | 'PUT' | 'POST', url: string, cookie: string, payload?: unknown) {
  return t.app.inject({
    method,
    url,
    headers: { cookie, ...CSRF, ...(payload === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(payload === undefined ? {} : { payload: JSON.stringify(payload) }),
  });
}

/** A client's shared chase dream, corrected by their therapist (test-support/dream-fixtures.ts). */
async function correctedDream() {
  const p = await practiceWithEveryRole(t.ctx, `Pack dream codes ${crypto.randomUUID()}`);
  const clientId = p.people.client.userId;
  await placeInCare(t.ctx, p.practiceId, p.people.therapist.userId, clientId);
  const entryId = crypto.randomUUID();
  const saved = await call('PUT', `/api/journal/entries/${entryId}`, p.cookies.client, {
    baseVersion: 0,
    kind: 'dream',
    body: CHASE_DREAM,
  });
  expect(saved.statusCode, saved.body).toBe(200);
  const shared = await call('POST', `/api/journal/entries/${entryId}/share`, p.cookies.client, { bringNext: false });
  expect(shared.statusCode, shared.body).toBe(200);
  const { chase, fear, corrections } = chaseCorrections();
  const corrected = await call(
    'PUT',
    `/api/patterns/clients/${clientId}/dreams/${entryId}/corrections`,
    p.cookies.therapist,
    {
      baseVersion: 0,
      corrections,
    },
  );
  expect(corrected.statusCode, corrected.body).toBe(200);
  return { p, clientId, entryId, chase, fear };
}

/** A subject access request for the client, its pack prepared: the pack's id, JSON and raw body. */
async function preparedPack(p: Awaited<ReturnType<typeof correctedDream>>['p'], clientId: string) {
  const request = await call('POST', '/api/subject-access/requests', p.cookies.admin, {
    clientId,
    receivedOn: new Date().toISOString().slice(0, 10),
    channel: 'email',
    requester: 'client',
  });
  expect(request.statusCode, request.body).toBe(201);
  const prepared = await call(
    'POST',
    `/api/subject-access/requests/${request.json().request.id}/packs`,
    p.cookies.admin,
  );
  expect(prepared.statusCode, prepared.body).toBe(201);
  const packId = prepared.json().request.packs[0].id as string;
  const body = (await call('GET', `/api/subject-access/packs/${packId}/json`, p.cookies.admin)).body;
  return { packId, body, json: JSON.parse(body) };
}

describe('the subject-access pack’s dream codes', () => {
  it('carries each correction of a shared dream in words, in the JSON and the PDF', async () => {
    const { p, clientId, chase, fear } = await correctedDream();
    const today = new Date().toISOString().slice(0, 10);
    const { packId, json } = await preparedPack(p, clientId);
    const section = json.sections.find((s: { key: string }) => s.key === 'dream_codes');
    expect(section.data).toEqual({
      lead: DREAM_CODES_LEAD,
      dreams: [
        {
          dreamtOn: today,
          correctedAt: expect.any(String),
          changes: [
            {
              change: 'changed',
              code: 'A2 verbal or expressive hostility, Witness',
              from: dreamCodeLabel(chase),
              words: chase.evidence.map((e) => e.text),
            },
            { change: 'removed', code: dreamCodeLabel(fear), from: null, words: [] },
            { change: 'added', code: 'Failure', from: null, words: [WAY_HOME] },
          ],
        },
      ],
    });

    const pdf = await call('GET', `/api/subject-access/packs/${packId}/pdf`, p.cookies.admin);
    const text = (await pdfText(pdf.rawPayload)).text.replace(/\s+/g, ' ');
    expect(text).toContain('Your therapist’s corrections of the codes of your dreams');
    expect(text).toContain('using the Hall–Van de Castle system');
    expect(text).toContain(`Changed from ${dreamCodeLabel(chase)} to A2 verbal or expressive hostility, Witness`);
    expect(text).toContain(`Removed: ${dreamCodeLabel(fear)}`);
    expect(text).toContain(`Added: Failure — resting on “${WAY_HOME}”`);
  });

  it('leaves out a dream the client has withdrawn: its words are theirs again', async () => {
    const w = await correctedDream();
    const withdrawn = await call('POST', `/api/journal/entries/${w.entryId}/withdraw`, w.p.cookies.client, {});
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    const pack = await preparedPack(w.p, w.clientId);
    const section = pack.json.sections.find((s: { key: string }) => s.key === 'dream_codes');
    expect(section.data).toEqual({ lead: DREAM_CODES_LEAD, dreams: [] });
    expect(pack.body).not.toContain(WAY_HOME);
  });
});
