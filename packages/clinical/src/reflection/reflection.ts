/**
 * "Is this right for me?": a short, non-diagnostic reflection for someone wondering whether
 * psychodynamic therapy might suit them. It never diagnoses and never stores anything: it runs where
 * the person is (in their browser) and says which approach might fit and why — or that another
 * approach, or urgent help, is the better next step. An answer about current risk always comes first.
 *
 * The logic returns codes (an outcome, the reasons behind it, the other things worth knowing); the
 * web turns them into words.
 */
export type SafetyAnswer = 'yes' | 'unsure' | 'no';
export type CuriosityAnswer = 'very' | 'somewhat' | 'not_really';
export type PatternsAnswer = 'often' | 'sometimes' | 'rarely';
export type WishAnswer = 'understand' | 'skills' | 'specific_fear' | 'couple' | 'not_sure';
export type TimeAnswer = 'weeks' | 'months' | 'open_ended';
export type FrequencyAnswer = 'twice_or_more' | 'weekly' | 'less_than_weekly';

export interface ReflectionAnswers {
  /** Are you thinking of harming yourself or ending your life, or are you in danger now? */
  safety: SafetyAnswer;
  /** How curious are you about why you feel, react or choose as you do? */
  curiosity: CuriosityAnswer;
  /** Do the same patterns keep coming back in your relationships? */
  patterns: PatternsAnswer;
  /** What would you most like from therapy? */
  wish: WishAnswer;
  /** How long could you give to it? */
  time: TimeAnswer;
  /** How often could you come? */
  frequency: FrequencyAnswer;
}

export const REFLECTION_OUTCOMES = [
  'urgent_help_first',
  'psychodynamic_may_suit',
  'brief_psychodynamic_may_suit',
  'cbt_may_suit',
  'couples_work_may_suit',
  'consultation_to_decide',
] as const;
export type ReflectionOutcome = (typeof REFLECTION_OUTCOMES)[number];

export type ReflectionReason =
  | 'current_risk'
  | 'unsure_about_safety'
  | 'curious_about_why'
  | 'patterns_repeat'
  | 'wants_depth'
  | 'wants_skills'
  | 'specific_fear'
  | 'relationship_together'
  | 'time_for_open_ended'
  | 'time_is_short'
  | 'less_than_weekly'
  | 'mixed_answers';

export interface ReflectionResult {
  outcome: ReflectionOutcome;
  /** Why, in the order they matter. */
  reasons: ReflectionReason[];
  /** Other approaches worth knowing about alongside the outcome. */
  alsoConsider: ReflectionOutcome[];
  /** Whether crisis resources must be shown at once, before anything else. */
  showCrisisResources: boolean;
}

/** Whether an answer about safety alone already means: urgent help first. */
export function needsUrgentHelp(safety: SafetyAnswer | undefined): boolean {
  return safety === 'yes' || safety === 'unsure';
}

const CURIOSITY: Record<CuriosityAnswer, number> = { very: 2, somewhat: 1, not_really: 0 };
const PATTERNS: Record<PatternsAnswer, number> = { often: 2, sometimes: 1, rarely: 0 };
const WISH: Record<WishAnswer, number> = { understand: 2, not_sure: 1, skills: 0, specific_fear: 0, couple: 0 };

/** How strongly the answers lean towards exploring (0–6). */
export function depthScore(answers: Pick<ReflectionAnswers, 'curiosity' | 'patterns' | 'wish'>): number {
  return CURIOSITY[answers.curiosity] + PATTERNS[answers.patterns] + WISH[answers.wish];
}

function depthReasons(answers: ReflectionAnswers): ReflectionReason[] {
  const reasons: ReflectionReason[] = [];
  if (answers.curiosity !== 'not_really') reasons.push('curious_about_why');
  if (answers.patterns !== 'rarely') reasons.push('patterns_repeat');
  if (answers.wish === 'understand') reasons.push('wants_depth');
  return reasons;
}

export function reflect(answers: ReflectionAnswers): ReflectionResult {
  if (needsUrgentHelp(answers.safety)) {
    return {
      outcome: 'urgent_help_first',
      reasons: [answers.safety === 'yes' ? 'current_risk' : 'unsure_about_safety'],
      alsoConsider: [],
      showCrisisResources: true,
    };
  }
  const depth = depthScore(answers);
  const result = (outcome: ReflectionOutcome, reasons: ReflectionReason[], alsoConsider: ReflectionOutcome[] = []) => ({
    outcome,
    reasons,
    alsoConsider,
    showCrisisResources: false,
  });
  if (answers.wish === 'specific_fear') {
    return result('cbt_may_suit', ['specific_fear'], depth >= 3 ? ['psychodynamic_may_suit'] : []);
  }
  if (answers.wish === 'couple') {
    return result('couples_work_may_suit', ['relationship_together'], depth >= 3 ? ['psychodynamic_may_suit'] : []);
  }
  if (answers.wish === 'skills' && depth <= 2) {
    return result('cbt_may_suit', ['wants_skills'], ['consultation_to_decide']);
  }
  if (depth >= 3) {
    const reasons = depthReasons(answers);
    if (answers.wish === 'skills') reasons.push('wants_skills');
    const short = answers.time === 'weeks';
    const sparse = answers.frequency === 'less_than_weekly';
    if (short || sparse) {
      if (short) reasons.push('time_is_short');
      if (sparse) reasons.push('less_than_weekly');
      return result('brief_psychodynamic_may_suit', reasons, ['psychodynamic_may_suit']);
    }
    if (answers.time === 'open_ended') reasons.push('time_for_open_ended');
    return result('psychodynamic_may_suit', reasons, answers.wish === 'skills' ? ['cbt_may_suit'] : []);
  }
  return result('consultation_to_decide', ['mixed_answers', ...depthReasons(answers)], ['cbt_may_suit']);
}
