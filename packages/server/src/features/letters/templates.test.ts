import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEventsOf } from '../../test-support/fixtures.js';
import { letterCalls, lettersWorld } from '../../test-support/letters-fixtures.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';

/** The practice's letterhead and templates, as its admin keeps them. */
let t: TestApp;
let calls: ReturnType<typeof letterCalls>;
beforeAll(async () => {
  t = await createTestApp();
  calls = letterCalls(t.app);
});
afterAll(async () => t.close());

describe('letter templates', () => {
  it('starts every practice with the built-in templates, once, and lists the placeholders', async () => {
    const w = await lettersWorld(t);
    const [first, second] = await Promise.all([
      calls.send('GET', '/api/letters/templates', w.people.admin.cookie),
      calls.send('GET', '/api/letters/templates', w.pair.therapistCookie),
    ]);
    expect(first.statusCode).toBe(200);
    expect(second.json().templates).toEqual(first.json().templates);
    const names = first.json().templates.map((x: { name: string }) => x.name);
    expect(names).toEqual([
      'Confirmation of attendance',
      'To the GP: ending of therapy',
      'To the GP: starting therapy',
    ]);
    expect(first.json().placeholders.map((p: { name: string }) => p.name)).toContain('episode.startDate');
    // Removing them all does not bring them back.
    for (const x of first.json().templates as { id: string }[]) {
      expect((await calls.send('DELETE', `/api/letters/templates/${x.id}`, w.people.admin.cookie)).statusCode).toBe(
        200,
      );
    }
    expect((await calls.templates(w.people.admin.cookie)).templates).toEqual([]);
  });

  it('adds and changes templates, refusing unknown or malformed placeholders by name', async () => {
    const w = await lettersWorld(t);
    const cookie = w.people.admin.cookie;
    const bad = await calls.send('POST', '/api/letters/templates', cookie, {
      name: 'To the school',
      subject: 'About {{client.fullname}}',
      body: 'Dear {{recipient.name}}, {{diagnosis}} and {{today',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toBe('invalid_template');
    const fields = bad.json().fields as { field: string; message: string }[];
    expect(fields.map((f) => f.field)).toEqual(['subject', 'body', 'body']);
    expect(fields[0]?.message).toContain('“{{client.fullname}}” is not a placeholder we know');
    expect(fields[1]?.message).toContain('“{{diagnosis}}” is not a placeholder we know');
    expect(fields[2]?.message).toContain('“{{today” has a placeholder that is not closed');
    expect((await calls.templates(cookie)).templates).toHaveLength(3);

    const made = await calls.send('POST', '/api/letters/templates', cookie, {
      name: '  To the school  ',
      subject: 'About {{client.name}}',
      body: 'Dear {{recipient.name}},\n\n{{client.name}} attends sessions with me.',
    });
    expect(made.statusCode, made.body).toBe(200);
    const template = made.json().template;
    expect(template).toMatchObject({ name: 'To the school', builtIn: null });
    const same = await calls.send('POST', '/api/letters/templates', cookie, {
      name: 'to the SCHOOL',
      subject: '',
      body: 'x',
    });
    expect(same.statusCode).toBe(409);
    expect(same.json().message).toContain('There is already a template called “to the SCHOOL”');
    const changed = await calls.send('PUT', `/api/letters/templates/${template.id}`, cookie, {
      name: 'To the school',
      subject: 'About {{client.name}}',
      body: 'Dear {{recipient.name}}, from {{therapist.name}} at {{practice.name}}.',
    });
    expect(changed.statusCode).toBe(200);
    const letter = (
      await calls.send('POST', `/api/letters/clients/${w.pair.client.userId}/letters`, w.pair.therapistCookie, {
        templateId: template.id,
        recipientName: 'Mrs Head',
        recipientAddress: '',
      })
    ).json().letter;
    expect(letter.body).toBe('Dear Mrs Head, from Dr Ada Field at Riverside Therapy.');
    const wrong = await calls.send('PUT', `/api/letters/templates/${template.id}`, cookie, {
      name: 'To the school',
      subject: '',
      body: '{{ nope }}',
    });
    expect(wrong.statusCode).toBe(400);
    expect((await calls.templates(cookie)).templates.find((x) => x.id === template.id)?.body).toContain(
      '{{therapist.name}}',
    );
    const actions = (await auditEventsOf(t.ctx, w.practiceId)).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['letters.template_created', 'letters.template_changed']));
  });
});

describe('the letterhead', () => {
  it('is the practice’s name until the admin sets it; bad e-mail or an empty name is refused', async () => {
    const w = await lettersWorld(t);
    const cookie = w.people.admin.cookie;
    expect((await calls.send('GET', '/api/letters/letterhead', cookie)).json()).toEqual({
      name: 'Riverside Therapy',
      addressLines: [],
      phone: '',
      email: '',
      website: '',
      footer: '',
    });
    const head = {
      name: ' Riverside Therapy ',
      addressLines: ['1 River Street', ' ', 'London N1 1AA'],
      phone: '020 7946 0000',
      email: 'hello@riverside.example',
      website: 'riverside.example',
      footer: 'ICO ZA123456',
    };
    const saved = await calls.send('PUT', '/api/letters/letterhead', cookie, head);
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toEqual({
      ...head,
      name: 'Riverside Therapy',
      addressLines: ['1 River Street', 'London N1 1AA'],
    });
    const bad = await calls.send('PUT', '/api/letters/letterhead', cookie, { ...head, name: '  ', email: 'nope' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields.map((f: { field: string }) => f.field)).toEqual(['name', 'email']);
    const many = await calls.send('PUT', '/api/letters/letterhead', cookie, {
      ...head,
      addressLines: Array.from({ length: 7 }, () => 'line'),
    });
    expect(many.statusCode).toBe(400);
    expect((await calls.send('GET', '/api/letters/letterhead', w.pair.therapistCookie)).json().name).toBe(
      'Riverside Therapy',
    );
    const events = (await auditEventsOf(t.ctx, w.practiceId)).filter((e) => e.action === 'letters.letterhead_changed');
    expect(events).toHaveLength(1);
  });
});
