import { describe, expect, it } from 'vitest';
import { emptyIntakeForm, feePence, intakeProblems, toSubmission } from './intake-form-state';

describe('the intake form’s answers', () => {
  it('reads a fee in pounds as pence, blank as no limit, and anything else as not an amount', () => {
    expect(feePence('60')).toBe(6000);
    expect(feePence(' £45.50 ')).toBe(4550);
    expect(feePence('')).toBeNull();
    expect(feePence('a lot')).toBeUndefined();
    expect(feePence('60.555')).toBeUndefined();
    expect(feePence('1001')).toBeUndefined();
  });

  it('marks each missing or malformed answer by its field, in page order', () => {
    expect(Object.keys(intakeProblems(emptyIntakeForm))).toEqual(['name', 'email', 'brings', 'risk', 'consent']);
    const filled = {
      ...emptyIntakeForm,
      name: 'Sam',
      email: 'sam at home',
      brings: 'Sleep',
      fee: 'x',
      risk: 'no' as const,
      consent: true,
    };
    expect(intakeProblems(filled)).toEqual({
      email: 'Please give an e-mail address we can reply to, like name@example.com.',
      fee: 'Write the amount in pounds, like 60 or 45.50, or leave it blank.',
    });
    expect(intakeProblems({ ...filled, email: 'sam@example.com', fee: '' })).toEqual({});
  });

  it('sends what the server takes: trimmed words, days as numbers in order, blanks as no preference', () => {
    const sent = toSubmission(
      {
        ...emptyIntakeForm,
        name: ' Sam ',
        email: 'sam@example.com ',
        brings: ' Sleep ',
        days: ['4', '2'],
        language: '  ',
        gender: 'woman',
        fee: '60',
        risk: 'now',
        consent: true,
      },
      4200,
    );
    expect(sent).toMatchObject({
      name: 'Sam',
      email: 'sam@example.com',
      brings: 'Sleep',
      risk: 'now',
      website: '',
      fillMs: 4200,
      preferences: { days: [2, 4], language: null, therapistGender: 'woman', feeMaxPence: 6000 },
    });
  });
});
