import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEventsOf, practiceWithEveryRole } from '../../test-support/fixtures.js';
import { CSRF, createTestApp, type TestApp } from '../../test-support/test-app.js';
import { BUILT_IN_FIELDS } from './settings-record.js';

/** The practice's note template: defaults, what an admin may change, and who may do what. */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const URL = '/api/record/note-settings';
const get = (cookie: string) => t.app.inject({ method: 'GET', url: URL, headers: { cookie } });
const put = (cookie: string, payload: object) =>
  t.app.inject({ method: 'PUT', url: URL, headers: { cookie, ...CSRF }, payload });

describe('the note template', () => {
  it('gives the nine built-in fields in British English and 72 hours by default, to therapists and admins only', async () => {
    const { cookies } = await practiceWithEveryRole(t.ctx);
    const res = await get(cookies.therapist);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      lateAfterHours: 72,
      fields: [
        { key: 'themes', label: 'Themes', enabled: true },
        { key: 'material', label: 'Material the client brought', enabled: true },
        { key: 'dreams', label: 'Dreams discussed', enabled: true },
        { key: 'transference', label: 'Transference', enabled: true },
        { key: 'countertransference', label: 'Countertransference', enabled: true },
        { key: 'defences', label: 'Defences observed', enabled: true },
        { key: 'interventions', label: 'Interventions', enabled: true },
        { key: 'risk', label: 'Risk', enabled: true },
        { key: 'plan', label: 'Plan', enabled: true },
      ],
    });
    expect((await get(cookies.admin)).statusCode).toBe(200);
    expect((await get(cookies.supervisor)).statusCode).toBe(403);
    expect((await get(cookies.client)).statusCode).toBe(403);
  });

  it('lets the admin relabel, turn off, reorder and add fields, and set the late threshold', async () => {
    const { practiceId, cookies } = await practiceWithEveryRole(t.ctx);
    const fields = [
      ...BUILT_IN_FIELDS.slice(1).map((f) => (f.key === 'risk' ? { ...f, enabled: false } : f)),
      { key: 'themes', label: 'Main themes', enabled: true, hint: 'What kept returning' },
      { key: 'custom_supervision', label: 'For supervision', enabled: true },
    ];
    const res = await put(cookies.admin, { fields, lateAfterHours: 48 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ fields, lateAfterHours: 48 });
    expect((await get(cookies.therapist)).json()).toEqual({ fields, lateAfterHours: 48 });
    expect((await put(cookies.therapist, { fields, lateAfterHours: 48 })).statusCode).toBe(403);
    const changed = (await auditEventsOf(t.ctx, practiceId)).filter((e) => e.action === 'record.note_settings_changed');
    expect(changed).toEqual([
      expect.objectContaining({ outcome: 'success', details: { fields: 10, enabled: 9, lateAfterHours: 48 } }),
    ]);
  });

  it('refuses removing a built-in field, an unknown key, a repeated key and a blank label, field by field', async () => {
    const { cookies } = await practiceWithEveryRole(t.ctx);
    const res = await put(cookies.admin, {
      lateAfterHours: 72,
      fields: [
        ...BUILT_IN_FIELDS.filter((f) => f.key !== 'risk'),
        { key: 'supervision', label: 'Supervision', enabled: true },
        { key: 'custom_a', label: '  ', enabled: true },
        { key: 'custom_a', label: 'Again', enabled: true },
      ],
    });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.error).toBe('invalid_settings');
    expect(body.fields).toEqual([
      { field: 'fields.8.key', message: expect.stringContaining('custom_') },
      { field: 'fields.9.label', message: 'Every field needs a label.' },
      { field: 'fields.10.key', message: 'The field “custom_a” appears twice; keep one.' },
      { field: 'fields', message: 'The built-in field “Risk” cannot be removed; turn it off instead.' },
    ]);
    expect((await put(cookies.admin, { fields: BUILT_IN_FIELDS, lateAfterHours: 0 })).statusCode).toBe(400);
  });
});
