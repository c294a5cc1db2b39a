import { describe, expect, it } from 'vitest';
import { measuresStrings as t } from './measures-strings';

describe('measures wording', () => {
  const flag = { id: 'phq9-item9', label: 'Thoughts of self-harm', linkId: '9' } as const;

  it('says what item 9 was answered, declined or left blank, and asks for a review of risk', () => {
    expect(t.results.flag({ ...flag, reason: 'answer-at-or-above-threshold', answer: 'Several days' }, 'PHQ-9')).toBe(
      'Item 9 (thoughts of being better off dead or of self-harm) was answered ‘Several days’ — review risk.',
    );
    expect(t.results.flag({ ...flag, reason: 'declined', answer: 'Declined to answer' }, 'PHQ-9')).toBe(
      'Item 9 (thoughts of being better off dead or of self-harm) was declined — review risk.',
    );
    expect(t.results.flag({ ...flag, reason: 'unanswered', answer: 'Left blank' }, 'PHQ-9')).toMatch(
      /was left blank — review risk\.$/,
    );
  });

  it('names another instrument’s flag by its question', () => {
    const other = {
      id: 'x',
      label: 'Risk item',
      linkId: 'r1',
      reason: 'answer-at-or-above-threshold',
      answer: '3',
    } as const;
    expect(t.results.flag(other, 'CORE-10')).toBe('CORE-10 question r1 (Risk item) was answered ‘3’ — review risk.');
  });

  it('writes a fractional prorated total without trailing zeros', () => {
    expect(t.results.outOf(18.75, 40)).toBe('18.75 of 40');
    expect(t.results.outOf(12.5, 40)).toBe('12.5 of 40');
    expect(t.results.outOf(12, 27)).toBe('12 of 27');
    expect(t.results.prorated(['3'])).toBe('Prorated (1 blank or declined: 3)');
  });
});
