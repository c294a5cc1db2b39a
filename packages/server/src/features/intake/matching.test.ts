import { describe, expect, it } from 'vitest';
import { overlap, rankTherapists, type Candidate, type IntakePreferences } from './matching.js';

const NONE = { morning: [], afternoon: [], evening: [] };
const prefs = (over: Partial<IntakePreferences> = {}): IntakePreferences => ({
  formats: ['online'],
  days: [2],
  parts: ['evening'],
  language: 'Welsh',
  therapistGender: null,
  feeMaxPence: 6000,
  topics: ['Loss'],
  ...over,
});
const candidate = (over: Partial<Candidate>): Candidate => ({
  id: 'x',
  name: 'X',
  formats: ['in_person'],
  languages: ['English'],
  specialisms: [],
  feePence: 8000,
  concessions: '',
  gender: null,
  free: NONE,
  ...over,
});

describe('matching', () => {
  it('finds the weekday and part of the day both the person and the therapist have', () => {
    expect(overlap(prefs(), { morning: [2], afternoon: [], evening: [1, 2] })).toEqual([{ day: 2, part: 'evening' }]);
    expect(overlap(prefs({ days: [], parts: [] }), { morning: [3], afternoon: [], evening: [1] })).toEqual([
      { day: 1, part: 'evening' },
      { day: 3, part: 'morning' },
    ]);
  });

  it('ranks the better fit first and says why, in words, for fits and misfits alike', () => {
    const good = candidate({
      id: 'good',
      name: 'Zoë',
      formats: ['online'],
      languages: ['English', 'Welsh'],
      specialisms: ['Loss'],
      feePence: 6000,
      free: { morning: [], afternoon: [], evening: [2] },
    });
    const poor = candidate({ id: 'poor', name: 'Adam' });
    const ranked = rankTherapists(prefs(), [poor, good]);
    expect(ranked.map((r) => r.id)).toEqual(['good', 'poor']);
    expect(ranked[0]?.reasons).toEqual([
      { fits: true, text: 'Has space when you can come (Tuesday evenings).' },
      { fits: true, text: 'Works online.' },
      { fits: true, text: 'Works in Welsh.' },
      { fits: true, text: 'Has particular experience with loss.' },
      { fits: true, text: 'Fee £60, within what you gave.' },
    ]);
    expect(ranked[1]?.reasons).toEqual([
      { fits: false, text: 'No space at present at the times you gave.' },
      { fits: false, text: 'Does not work online.' },
      { fits: false, text: 'Does not work in Welsh.' },
      { fits: false, text: 'Fee £80, above what you gave.' },
    ]);
  });

  it('weighs availability above everything else, and breaks ties by name', () => {
    const available = candidate({ id: 'a', name: 'B', free: { morning: [], afternoon: [], evening: [2] } });
    const fitsOtherwise = candidate({
      id: 'b',
      name: 'A',
      formats: ['online'],
      languages: ['Welsh'],
      feePence: 5000,
    });
    expect(rankTherapists(prefs({ topics: [] }), [fitsOtherwise, available]).map((r) => r.id)).toEqual(['a', 'b']);
    const twins = [candidate({ id: 'z', name: 'Zed' }), candidate({ id: 'y', name: 'Amy' })];
    expect(rankTherapists(prefs(), twins).map((r) => r.name)).toEqual(['Amy', 'Zed']);
  });

  it('mentions concessions when the fee is above the range, and leaves out questions the person did not ask', () => {
    const c = candidate({ concessions: 'Two reduced-fee places.', feePence: 9000 });
    const [only] = rankTherapists(prefs({ language: null, feeMaxPence: 6000 }), [c]);
    expect(only?.reasons.map((r) => r.text)).toContain('Fee £90; reduced fees may be possible — ask.');
    expect(only?.reasons.some((r) => r.text.includes('Welsh'))).toBe(false);
    const [noFee] = rankTherapists(prefs({ feeMaxPence: null }), [c]);
    expect(noFee?.reasons.some((r) => r.text.startsWith('Fee'))).toBe(false);
  });

  it('makes the therapist gender the person asked for a reason, as far as the therapist has said it', () => {
    const woman = candidate({ id: 'w', name: 'Wren', gender: { kind: 'woman', words: 'Woman' } });
    const man = candidate({ id: 'm', name: 'Amos', gender: { kind: 'man', words: 'Man' } });
    const described = candidate({ id: 'd', name: 'Dee', gender: { kind: 'self_described', words: 'Non-binary' } });
    const unsaid = candidate({ id: 'u', name: 'Ash' });
    const ranked = rankTherapists(prefs({ therapistGender: 'woman' }), [man, described, unsaid, woman]);
    expect(ranked[0]?.id).toBe('w');
    const genderOf = (id: string) =>
      ranked.find((r) => r.id === id)?.reasons.find((r) => /gender|a woman/.test(r.text));
    expect(genderOf('w')).toEqual({ fits: true, text: 'Is a woman, as you asked.' });
    expect(genderOf('m')).toEqual({ fits: false, text: 'Is a man; you asked for a woman.' });
    expect(genderOf('d')).toEqual({
      fits: false,
      text: 'Describes their gender as “Non-binary”; you asked for a woman.',
    });
    expect(genderOf('u')).toEqual({ fits: false, text: 'Has not said their gender on their profile.' });
    // The fit counts for the ranking, but never outweighs space when the person can come.
    const free = { morning: [], afternoon: [], evening: [2] };
    const availableMan = candidate({ id: 'am', name: 'Zak', gender: { kind: 'man', words: 'Man' }, free });
    expect(rankTherapists(prefs({ therapistGender: 'woman' }), [woman, availableMan]).map((r) => r.id)).toEqual([
      'am',
      'w',
    ]);
  });

  it('says nothing about gender when the person did not ask', () => {
    const woman = candidate({ gender: { kind: 'woman', words: 'Woman' } });
    const [only] = rankTherapists(prefs({ therapistGender: null }), [woman]);
    expect(only?.reasons.some((r) => /gender|woman/.test(r.text))).toBe(false);
  });
});
