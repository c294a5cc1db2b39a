import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addPerson,
  auditEventsOf,
  createPracticeFixture,
  ownerQuery,
  sessionCookie,
} from '../../test-support/fixtures.js';
import { CORE10_SHAPED, WSAS_SHAPED } from '../../test-support/measures-fixtures.js';
import { CSRF, createTestApp, type TestApp } from '../../test-support/test-app.js';

/** Importing, versioning and retiring the practice's licensed instruments; the catalogue. */
let t: TestApp;
let practiceId: string;
let admin: string;
let therapist: string;
beforeAll(async () => {
  t = await createTestApp();
  practiceId = await createPracticeFixture(t.ctx);
  admin = await sessionCookie(t.ctx, await addPerson(t.ctx, practiceId, ['admin']));
  therapist = await sessionCookie(t.ctx, await addPerson(t.ctx, practiceId, ['therapist']));
});
afterAll(async () => t.close());

const importDefinition = (payload: unknown, cookie = admin) =>
  t.app.inject({
    method: 'POST',
    url: '/api/measures/instruments',
    headers: { cookie, ...CSRF, 'content-type': 'application/json' },
    payload: JSON.stringify(payload),
  });
const get = (url: string, cookie = admin) => t.app.inject({ method: 'GET', url, headers: { cookie } });

describe('the instrument catalogue', () => {
  it('lists the four built-in instruments with their copyright lines', async () => {
    const res = await get('/api/measures/instruments', therapist);
    expect(res.statusCode).toBe(200);
    const builtins = res.json().instruments.filter((i: { source: string }) => i.source === 'builtin');
    expect(builtins.map((i: { instrumentId: string }) => i.instrumentId)).toEqual([
      'phq-9',
      'gad-7',
      'phq-15',
      'pcl-5',
    ]);
    expect(builtins[0].copyright).toContain('Pfizer');
    expect(builtins[3].terms).toMatch(/public domain/i);
  });

  it('gives one built-in definition with its items and options', async () => {
    const res = await get('/api/measures/instruments/phq-9', therapist);
    expect(res.statusCode).toBe(200);
    const { summary, definition } = res.json().instrument;
    expect(summary).toMatchObject({ instrumentId: 'phq-9', source: 'builtin', itemCount: 10, version: null });
    expect(definition.items[8]).toMatchObject({ linkId: '9', code: { code: '44260-8' } });
    expect(definition.answerOptions[1]).toEqual({
      value: 1,
      label: 'Several days',
      code: { system: 'http://loinc.org', code: 'LA6569-3', display: 'Several days' },
    });
    expect((await get('/api/measures/instruments/no-such-thing', therapist)).statusCode).toBe(404);
  });
});

describe('importing a definition', () => {
  it('imports CORE-10- and WSAS-shaped definitions, exactly as sent, into the catalogue', async () => {
    for (const def of [CORE10_SHAPED, WSAS_SHAPED]) {
      const res = await importDefinition(def);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().instrument).toMatchObject({
        instrumentId: def.id,
        source: 'practice',
        version: 1,
        status: 'active',
        copyright: def.licence.copyright,
        itemCount: def.items.length,
      });
      const read = await get(`/api/measures/instruments/${def.id}`, therapist);
      expect(read.json().instrument.definition).toEqual(def);
    }
    const list = await get('/api/measures/instruments', therapist);
    const ids = list.json().instruments.map((i: { instrumentId: string }) => i.instrumentId);
    expect(ids).toEqual(expect.arrayContaining(['core-10', 'wsas']));
    const events = (await auditEventsOf(t.ctx, practiceId)).filter((e) => e.action === 'measures.instrument_imported');
    expect(events.length).toBeGreaterThanOrEqual(2);
    expect(JSON.stringify(events)).not.toContain('Placeholder item');
  });

  it('answers every problem with its path in words a person can act on, as a 400', async () => {
    const broken = {
      ...WSAS_SHAPED,
      id: 'wsas-broken',
      items: [{ linkId: 'w1', text: '' }, { linkId: 'w1', text: 'Placeholder' }, ...WSAS_SHAPED.items.slice(2)],
      licence: { terms: 'x' },
    };
    const res = await importDefinition(broken);
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.error).toBe('invalid_definition');
    expect(body.message).toMatch(/^The definition cannot be imported: \d+ problems to fix\./);
    const fields = body.fields.map((f: { field: string }) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['licence.copyright']));
    expect(fields.some((f: string) => f.startsWith('items['))).toBe(true);
    for (const f of body.fields) expect(f.message.length).toBeGreaterThan(10);
    const notObject = await importDefinition([1, 2, 3]);
    expect(notObject.statusCode).toBe(400);
    expect(notObject.json().fields).toEqual([{ field: 'definition', message: expect.stringMatching(/JSON object/) }]);
    // Nothing was stored; the refusal is audited with the number of problems, not their content.
    expect((await get('/api/measures/instruments/wsas-broken')).statusCode).toBe(404);
    const refused = (await auditEventsOf(t.ctx, practiceId)).filter(
      (e) => e.action === 'measures.instrument_imported' && e.outcome === 'failure',
    );
    expect(refused.at(-2)?.details).toMatchObject({ reason: 'invalid', problems: body.fields.length });
  });

  it('refuses the id of a built-in instrument, a body that is not JSON, and one too large', async () => {
    const clash = await importDefinition({ ...WSAS_SHAPED, id: 'phq-9' });
    expect(clash.statusCode).toBe(409);
    expect(clash.json()).toMatchObject({ error: 'builtin_id', message: expect.stringMatching(/"phq-9-practice"/) });
    const notJson = await t.app.inject({
      method: 'POST',
      url: '/api/measures/instruments',
      headers: { cookie: admin, ...CSRF, 'content-type': 'application/json' },
      payload: '{ "id": ',
    });
    expect(notJson.statusCode).toBe(400);
    const huge = await importDefinition({ ...WSAS_SHAPED, id: 'huge', title: 'x'.repeat(300_000) });
    expect(huge.statusCode).toBe(413);
  });

  it('is for the admin alone', async () => {
    const res = await importDefinition({ ...WSAS_SHAPED, id: 'by-therapist' }, therapist);
    expect(res.statusCode).toBe(403);
  });

  it('importing an id again makes a new version and retires the one before, which is kept as it was', async () => {
    const first = await importDefinition({ ...WSAS_SHAPED, id: 'wsas-v' });
    const second = await importDefinition({ ...WSAS_SHAPED, id: 'wsas-v', title: 'WSAS second edition (placeholder)' });
    expect(second.json().instrument).toMatchObject({ version: 2, status: 'active' });
    const v1 = await get('/api/measures/instruments/wsas-v?version=1');
    expect(v1.json().instrument.summary).toMatchObject({ version: 1, status: 'retired' });
    expect(v1.json().instrument.definition.title).toBe(WSAS_SHAPED.title);
    expect((await get('/api/measures/instruments/wsas-v')).json().instrument.summary.version).toBe(2);
    const list = (await get('/api/measures/instruments')).json().instruments;
    expect(list.filter((i: { instrumentId: string }) => i.instrumentId === 'wsas-v')).toHaveLength(1);
    expect(first.json().instrument.definitionId).toBe(v1.json().instrument.summary.definitionId);
  });

  it('the database refuses to change or delete an imported definition, even as its owner', async () => {
    const res = await importDefinition({ ...WSAS_SHAPED, id: 'wsas-db' });
    const id = res.json().instrument.definitionId as string;
    await expect(
      ownerQuery(t.ctx, practiceId, `UPDATE instrument_definitions SET definition = '{"id":"wsas-db"}' WHERE id = $1`, [
        id,
      ]),
    ).rejects.toThrow(/cannot be changed or deleted/);
    await expect(
      ownerQuery(t.ctx, practiceId, 'DELETE FROM instrument_definitions WHERE id = $1', [id]),
    ).rejects.toThrow(/cannot be changed or deleted/);
  });
});

describe('retiring', () => {
  it('takes the instrument out of the catalogue but keeps it readable; built-ins cannot be retired', async () => {
    await importDefinition({ ...CORE10_SHAPED, id: 'core-10-retire' });
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/measures/instruments/core-10-retire/retire',
      headers: { cookie: admin, ...CSRF },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().instrument.status).toBe('retired');
    const list = (await get('/api/measures/instruments')).json().instruments;
    expect(list.map((i: { instrumentId: string }) => i.instrumentId)).not.toContain('core-10-retire');
    expect((await get('/api/measures/instruments/core-10-retire?version=1')).statusCode).toBe(200);
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/measures/instruments/core-10-retire/retire',
      headers: { cookie: admin, ...CSRF },
    });
    expect(again.statusCode).toBe(404);
    const builtin = await t.app.inject({
      method: 'POST',
      url: '/api/measures/instruments/phq-9/retire',
      headers: { cookie: admin, ...CSRF },
    });
    expect(builtin.statusCode).toBe(400);
    expect(builtin.json().error).toBe('builtin');
  });
});

describe('random bodies to the import route', () => {
  it('never yield a 5xx', async () => {
    const json = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: 'small' },
        fc.constant(null),
        fc.boolean(),
        fc.integer(),
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.string(),
        fc.array(tie('value'), { maxLength: 4 }),
        fc.dictionary(fc.string({ maxLength: 12 }), tie('value'), { maxKeys: 5 }),
      ),
    })).value;
    // Near-valid definitions: a real one with one property replaced by anything.
    const mutated = fc
      .tuple(fc.constantFrom(...Object.keys(WSAS_SHAPED)), json, fc.constantFrom(WSAS_SHAPED, CORE10_SHAPED))
      .map(([key, value, def]) => ({ ...def, id: `fuzz-${key.toLowerCase()}`, [key]: value }));
    await fc.assert(
      fc.asyncProperty(fc.oneof(json, mutated), async (body) => {
        const res = await importDefinition(body);
        expect(res.statusCode, res.body).toBeLessThan(500);
        expect(typeof res.json().message === 'string' || res.statusCode === 200).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});
