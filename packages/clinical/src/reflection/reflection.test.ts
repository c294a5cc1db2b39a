import { describe, expect, it } from 'vitest';
import {
  depthScore,
  needsUrgentHelp,
  reflect,
  REFLECTION_OUTCOMES,
  type ReflectionAnswers,
  type ReflectionOutcome,
} from './reflection.js';

const deep: ReflectionAnswers = {
  safety: 'no',
  curiosity: 'very',
  patterns: 'often',
  wish: 'understand',
  time: 'open_ended',
  frequency: 'weekly',
};

describe('the "is this right for me?" reflection', () => {
  it('puts urgent help first whenever the person is at risk now, whatever else they said', () => {
    const result = reflect({ ...deep, safety: 'yes' });
    expect(result).toEqual({
      outcome: 'urgent_help_first',
      reasons: ['current_risk'],
      alsoConsider: [],
      showCrisisResources: true,
    });
    expect(reflect({ ...deep, wish: 'couple', safety: 'yes' }).outcome).toBe('urgent_help_first');
  });

  it('treats not being sure about safety as a reason for urgent help too', () => {
    const result = reflect({ ...deep, safety: 'unsure' });
    expect(result.outcome).toBe('urgent_help_first');
    expect(result.reasons).toEqual(['unsure_about_safety']);
    expect(result.showCrisisResources).toBe(true);
    expect(needsUrgentHelp('unsure')).toBe(true);
    expect(needsUrgentHelp('no')).toBe(false);
    expect(needsUrgentHelp(undefined)).toBe(false);
  });

  it('suggests psychodynamic therapy to someone curious about patterns with open-ended time', () => {
    const result = reflect(deep);
    expect(result.outcome).toBe('psychodynamic_may_suit');
    expect(result.reasons).toEqual(['curious_about_why', 'patterns_repeat', 'wants_depth', 'time_for_open_ended']);
    expect(result.showCrisisResources).toBe(false);
  });

  it('suggests a brief psychodynamic therapy when time is short or sessions would be less than weekly', () => {
    const short = reflect({ ...deep, time: 'weeks' });
    expect(short.outcome).toBe('brief_psychodynamic_may_suit');
    expect(short.reasons).toContain('time_is_short');
    const sparse = reflect({ ...deep, frequency: 'less_than_weekly', time: 'months' });
    expect(sparse.outcome).toBe('brief_psychodynamic_may_suit');
    expect(sparse.reasons).toEqual(['curious_about_why', 'patterns_repeat', 'wants_depth', 'less_than_weekly']);
    expect(sparse.alsoConsider).toEqual(['psychodynamic_may_suit']);
  });

  it('points to CBT for a specific fear, mentioning psychodynamic work when the person is also curious', () => {
    expect(reflect({ ...deep, wish: 'specific_fear' })).toMatchObject({
      outcome: 'cbt_may_suit',
      reasons: ['specific_fear'],
      alsoConsider: ['psychodynamic_may_suit'],
    });
    expect(
      reflect({ ...deep, wish: 'specific_fear', curiosity: 'not_really', patterns: 'rarely' }).alsoConsider,
    ).toEqual([]);
  });

  it('points to CBT for someone who mainly wants skills and is not drawn to exploring', () => {
    const result = reflect({ ...deep, wish: 'skills', curiosity: 'somewhat', patterns: 'rarely' });
    expect(result.outcome).toBe('cbt_may_suit');
    expect(result.reasons).toEqual(['wants_skills']);
  });

  it('still suggests psychodynamic work to a very curious person who also wants skills, naming CBT alongside', () => {
    const result = reflect({ ...deep, wish: 'skills' });
    expect(result.outcome).toBe('psychodynamic_may_suit');
    expect(result.reasons).toContain('wants_skills');
    expect(result.alsoConsider).toEqual(['cbt_may_suit']);
  });

  it('points to couples work when the wish is to work on a relationship together', () => {
    expect(reflect({ ...deep, wish: 'couple' })).toMatchObject({
      outcome: 'couples_work_may_suit',
      reasons: ['relationship_together'],
      alsoConsider: ['psychodynamic_may_suit'],
    });
    expect(reflect({ ...deep, wish: 'couple', curiosity: 'not_really', patterns: 'rarely' }).alsoConsider).toEqual([]);
  });

  it('suggests a consultation to decide when the answers are mixed', () => {
    const result = reflect({ ...deep, curiosity: 'somewhat', patterns: 'rarely', wish: 'not_sure' });
    expect(depthScore({ curiosity: 'somewhat', patterns: 'rarely', wish: 'not_sure' })).toBe(2);
    expect(result).toMatchObject({
      outcome: 'consultation_to_decide',
      reasons: ['mixed_answers', 'curious_about_why'],
      alsoConsider: ['cbt_may_suit'],
    });
  });

  it('reaches every outcome, and every combination of answers gives exactly one', () => {
    const seen = new Set<ReflectionOutcome>();
    for (const safety of ['yes', 'unsure', 'no'] as const)
      for (const curiosity of ['very', 'somewhat', 'not_really'] as const)
        for (const patterns of ['often', 'sometimes', 'rarely'] as const)
          for (const wish of ['understand', 'skills', 'specific_fear', 'couple', 'not_sure'] as const)
            for (const time of ['weeks', 'months', 'open_ended'] as const)
              for (const frequency of ['twice_or_more', 'weekly', 'less_than_weekly'] as const) {
                const result = reflect({ safety, curiosity, patterns, wish, time, frequency });
                expect(REFLECTION_OUTCOMES).toContain(result.outcome);
                expect(result.showCrisisResources).toBe(safety !== 'no');
                expect(result.reasons.length).toBeGreaterThan(0);
                seen.add(result.outcome);
              }
    expect([...seen].sort()).toEqual([...REFLECTION_OUTCOMES].sort());
  });
});
