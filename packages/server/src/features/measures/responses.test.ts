import { PHQ9, score } from '@undercurrent/clinical';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addPerson,
  auditEventsOf,
  createPracticeFixture,
  ownerQuery,
  sessionCookie,
} from '../../test-support/fixtures.js';
import { addSession, carePair, DAY, type CarePair } from '../../test-support/frame-fixtures.js';
import { fhirSchemaErrors, fhirSchemaValidator, WSAS_SHAPED } from '../../test-support/measures-fixtures.js';
import { CSRF, createTestApp, type TestApp } from '../../test-support/test-app.js';
import { rotateDataKeysCommand } from '../../cli/commands/rotate-data-keys.js';

/** Answers entered from paper: scored on the server, stored encrypted, listed, exported as FHIR. */
let t: TestApp;
let practiceId: string;
let pair: CarePair;
let admin: string;
beforeAll(async () => {
  t = await createTestApp();
  practiceId = await createPracticeFixture(t.ctx);
  pair = await carePair(t, practiceId);
  admin = await sessionCookie(t.ctx, await addPerson(t.ctx, practiceId, ['admin']));
  fhirSchemaValidator();
}, 120_000);
afterAll(async () => t.close());

const url = () => `/api/measures/clients/${pair.client.userId}/responses`;
const enter = (payload: object, cookie = pair.therapistCookie) =>
  t.app.inject({ method: 'POST', url: url(), headers: { cookie, ...CSRF }, payload });
const list = () => t.app.inject({ method: 'GET', url: url(), headers: { cookie: pair.therapistCookie } });
const daysAgo = (n: number) => new Date(Date.now() - n * DAY).toISOString().slice(0, 10);

const FULL = { 1: 2, 2: 2, 3: 1, 4: 2, 5: 1, 6: 1, 7: 2, 8: 0, 9: 0, difficulty: 1 };

describe('entering a PHQ-9 from paper', () => {
  it('stores the score that @undercurrent/clinical gives, and lists it', async () => {
    const res = await enter({ instrumentId: 'phq-9', completedOn: daysAgo(3), answers: FULL });
    expect(res.statusCode, res.body).toBe(200);
    const expected = score(PHQ9, FULL);
    if (!expected.ok) throw new Error('full answers score');
    const result = res.json().result;
    expect(result).toMatchObject({
      instrument: { instrumentId: 'phq-9', name: 'PHQ-9', version: null },
      source: 'paper',
      completedOn: daysAgo(3),
      total: expected.total,
      band: expected.band?.label,
      caseness: expected.caseness,
      prorated: false,
      noScoreReason: null,
      flags: [],
    });
    expect(result.instrument.copyright).toContain('Pfizer');
    const stored = await ownerQuery<{ answers_enc: string; score_enc: string }>(
      t.ctx,
      practiceId,
      'SELECT answers_enc, score_enc FROM measure_responses WHERE id = $1',
      [result.id],
    );
    expect(stored[0]?.answers_enc).toMatch(/^uc1\.clinical\./);
    expect(stored[0]?.score_enc).toMatch(/^uc1\.clinical\./);
    const decrypted = await t.ctx.access.run({ practiceId, userId: null, roles: [] }, (tx) =>
      tx.decrypt(`measure_responses.score_enc:${result.id}`, stored[0]?.score_enc ?? ''),
    );
    expect(JSON.parse(decrypted)).toEqual(expected);
    expect((await list()).json().results.map((r: { id: string }) => r.id)).toContain(result.id);
  });

  it('prorates one item left blank and raises the item 9 flag with the answer given', async () => {
    const res = await enter({ instrumentId: 'phq-9', completedOn: daysAgo(2), answers: { ...FULL, 3: null, 9: 1 } });
    const result = res.json().result;
    // answered sum 2+2+2+1+1+2+0+1 = 11 over 8 of 9: 11 × 9/8 = 12.375 → 12
    expect(result).toMatchObject({ total: 12, prorated: true, missing: ['3'], band: 'Moderate', caseness: true });
    expect(result.flags).toEqual([
      expect.objectContaining({ linkId: '9', reason: 'answer-at-or-above-threshold', answer: 'Several days' }),
    ]);
    expect(result.answers['3']).toBeNull();
  });

  it('raises the flag when item 9 is declined, and gives no score with its reason when too much is missing', async () => {
    const declined = await enter({
      instrumentId: 'phq-9',
      completedOn: daysAgo(1),
      answers: { ...FULL, 9: 'declined' },
    });
    expect(declined.json().result.flags).toEqual([
      expect.objectContaining({ reason: 'declined', answer: 'Declined to answer' }),
    ]);
    const sparse = await enter({ instrumentId: 'phq-9', completedOn: daysAgo(1), answers: { 1: 1, 2: 1, 9: 0 } });
    expect(sparse.statusCode).toBe(200);
    expect(sparse.json().result).toMatchObject({ total: null, band: null, prorated: false });
    expect(sparse.json().result.noScoreReason).toMatch(/missing/);
  });

  it('links the entry to one of the client’s sessions, and refuses a session that is not theirs', async () => {
    const session = await addSession(t, practiceId, pair, new Date(Date.now() - 7 * DAY));
    const gad = { 1: 1, 2: 1, 3: 1, 4: 0, 5: 0, 6: 0, 7: 0 };
    const res = await enter({ instrumentId: 'gad-7', completedOn: daysAgo(7), appointmentId: session, answers: gad });
    expect(res.statusCode).toBe(200);
    expect(res.json().result.appointmentId).toBe(session);
    expect((await list()).json().sessions.map((s: { appointmentId: string }) => s.appointmentId)).toContain(session);
    const other = await carePair(t, practiceId);
    const foreign = await addSession(t, practiceId, other, new Date(Date.now() - DAY));
    const refused = await enter({
      instrumentId: 'gad-7',
      completedOn: daysAgo(1),
      appointmentId: foreign,
      answers: {},
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error).toBe('unknown_session');
  });

  it('answers bad input with a 400 naming the field, and keeps nothing', async () => {
    const before = (await list()).json().results.length;
    const cases: [object, RegExp][] = [
      [{ instrumentId: 'phq-9', completedOn: daysAgo(1), answers: { 1: 7 } }, /answers\.1/],
      [{ instrumentId: 'phq-9', completedOn: daysAgo(1), answers: { 42: 1 } }, /answers\.42/],
      [{ instrumentId: 'phq-9', completedOn: daysAgo(1), answers: { 1: 'not-applicable' } }, /answers\.1/],
      [{ instrumentId: 'phq-9', completedOn: '2026-02-30', answers: {} }, /completedOn/],
      [{ instrumentId: 'phq-9', completedOn: '2999-01-01', answers: {} }, /completedOn/],
      [{ instrumentId: 'phq-9', completedOn: '1899-12-31', answers: {} }, /completedOn/],
      [{ instrumentId: 'phq-9', completedOn: 'yesterday', answers: {} }, /completedOn/],
      [{ instrumentId: 'phq-9', completedOn: daysAgo(1), answers: { 1: 'maybe' } }, /answers/],
      [{ instrumentId: 'phq-9', answers: {} }, /completedOn/],
      [{ instrumentId: 'nope', completedOn: daysAgo(1), answers: {} }, /catalogue/],
    ];
    for (const [body, field] of cases) {
      const res = await enter(body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(JSON.stringify(res.json().fields ?? res.json().message), JSON.stringify(body)).toMatch(field);
    }
    expect((await list()).json().results.length).toBe(before);
  });

  it('pins a practice instrument to its version: a later import leaves the result on the old one, and the form’s stale version is refused', async () => {
    const importDef = (def: object) =>
      t.app.inject({
        method: 'POST',
        url: '/api/measures/instruments',
        headers: { cookie: admin, ...CSRF },
        payload: def,
      });
    await importDef(WSAS_SHAPED);
    const answers = { w1: 8, w2: 7, w3: 0, w4: 0, w5: null };
    const first = await enter({ instrumentId: 'wsas', version: 1, completedOn: daysAgo(5), answers });
    expect(first.statusCode, first.body).toBe(200);
    // 15 over 4 of 5, no rounding: 18.75
    expect(first.json().result).toMatchObject({ total: 18.75, prorated: true, instrument: { version: 1 } });
    expect(first.json().result.instrument.copyright).toBe('Placeholder copyright line');
    await importDef({ ...WSAS_SHAPED, licence: { ...WSAS_SHAPED.licence, copyright: 'Second edition line' } });
    const stale = await enter({ instrumentId: 'wsas', version: 1, completedOn: daysAgo(1), answers });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toBe('version_changed');
    const results = (await list()).json().results;
    expect(results.find((r: { id: string }) => r.id === first.json().result.id).instrument).toMatchObject({
      version: 1,
      copyright: 'Placeholder copyright line',
    });
    // Retired, the definition that was answered is still there and cannot be deleted.
    await t.app.inject({
      method: 'POST',
      url: '/api/measures/instruments/wsas/retire',
      headers: { cookie: admin, ...CSRF },
    });
    expect((await list()).json().results.some((r: { id: string }) => r.id === first.json().result.id)).toBe(true);
    await expect(
      ownerQuery(t.ctx, practiceId, `DELETE FROM instrument_definitions WHERE instrument_id = 'wsas'`),
    ).rejects.toThrow(/cannot be changed or deleted/);
    const retired = await enter({ instrumentId: 'wsas', completedOn: daysAgo(1), answers });
    expect(retired.statusCode).toBe(400);
  });

  it('keeps answers as entered: the database refuses to change or delete them', async () => {
    const res = await enter({ instrumentId: 'gad-7', completedOn: daysAgo(1), answers: {} });
    const id = res.json().result.id as string;
    await expect(
      ownerQuery(t.ctx, practiceId, `UPDATE measure_responses SET completed_on = '2020-01-01' WHERE id = $1`, [id]),
    ).rejects.toThrow(/kept as entered/);
    await expect(ownerQuery(t.ctx, practiceId, 'DELETE FROM measure_responses WHERE id = $1', [id])).rejects.toThrow(
      /kept as entered/,
    );
  });

  it('key rotation re-encrypts answers and scores, which still read the same', async () => {
    const before = (await list()).json().results;
    const lines: string[] = [];
    const io = {
      out: (l: string) => lines.push(l),
      err: (l: string) => lines.push(l),
      readStdin: async () => '',
      stdinIsTTY: false,
    };
    const slug = await ownerQuery<{ slug: string }>(t.ctx, practiceId, 'SELECT slug FROM practices WHERE id = $1', [
      practiceId,
    ]);
    expect(await rotateDataKeysCommand(t.ctx, { practice: slug[0]?.slug }, io)).toBe(0);
    expect(lines.join('\n')).toMatch(new RegExp(`measure_responses.answers_enc: ${before.length} re-encrypted`));
    expect(lines.join('\n')).toMatch(new RegExp(`measure_responses.score_enc: ${before.length} re-encrypted`));
    const stored = await ownerQuery<{ answers_enc: string }>(
      t.ctx,
      practiceId,
      // The owner may be a superuser, whom row-level security does not bind: name the practice.
      'SELECT answers_enc FROM measure_responses WHERE practice_id = $1',
      [practiceId],
    );
    expect(stored).toHaveLength(before.length);
    expect(stored.every((r) => r.answers_enc.startsWith('uc1.clinical.2.'))).toBe(true);
    expect((await list()).json().results).toEqual(before);
  });

  it('audits entries and listings with identifiers only', async () => {
    const events = (await auditEventsOf(t.ctx, practiceId)).filter((e) => e.action.startsWith('measures.'));
    expect(events.some((e) => e.action === 'measures.response_entered' && e.outcome === 'success')).toBe(true);
    expect(events.some((e) => e.action === 'measures.responses_listed')).toBe(true);
    expect(JSON.stringify(events)).not.toMatch(/Several days|total|Moderate/);
  });
});

describe('the FHIR R4 export', () => {
  it('is a collection Bundle of QuestionnaireResponses and total-score Observations that the FHIR R4 schema accepts', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/measures/clients/${pair.client.userId}/fhir`,
      headers: { cookie: pair.therapistCookie },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/fhir\+json/);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename=".*\.fhir\.json"$/);
    const bundle = res.json();
    expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'collection' });
    expect(fhirSchemaErrors(bundle)).toEqual([]);
    for (const entry of bundle.entry) expect(fhirSchemaErrors(entry.resource), entry.fullUrl).toEqual([]);
    const observations = bundle.entry
      .map((e: { resource: unknown }) => e.resource)
      .filter((r: { resourceType: string }) => r.resourceType === 'Observation');
    const phq = observations.find((o: { code: { text: string } }) => o.code.text === 'PHQ-9 total score');
    expect(phq.code.coding).toEqual([{ system: 'http://loinc.org', code: '44261-6' }]);
    expect(typeof phq.valueInteger).toBe('number');
    const gad = observations.find((o: { code: { text: string } }) => o.code.text === 'GAD-7 total score');
    expect(gad?.code.coding).toEqual([{ system: 'http://loinc.org', code: '70274-6' }]);
    const wsas = observations.find((o: { code: { text: string } }) => o.code.text === 'WSAS total score');
    expect(wsas.valueQuantity).toMatchObject({ value: 18.75, code: '{score}' });
    const responses = bundle.entry.filter(
      (e: { resource: { resourceType: string } }) => e.resource.resourceType === 'QuestionnaireResponse',
    );
    expect(
      responses.some(
        (e: { resource: { questionnaire: string } }) =>
          e.resource.questionnaire === 'urn:undercurrent:instrument:wsas|1',
      ),
    ).toBe(true);
    // A broken copy of the exported bundle fails the same validation.
    const broken = structuredClone(bundle);
    broken.entry[0].resource.status = 'finished';
    expect(fhirSchemaErrors(broken)).not.toEqual([]);
  });
});
