/**
 * Jacobson & Truax (1991) clinical significance (CLINICAL-REFERENCE.md §3): the cut-off c between a
 * non-clinical (0) and a clinical (1) population, and the four categories
 * recovered (reliable improvement that crossed c), improved, unchanged, deteriorated.
 */
import { reliableChange, type ReliabilityBasis, type ReliableChange, type ScoreDirection } from './reliable-change.js';
import { assertFiniteScore, assertPositive } from './validate.js';

/** Mean and standard deviation of a norm group's scores. */
export interface NormGroup {
  mean: number;
  /** Must be > 0. */
  sd: number;
}

/**
 * Cut-off c = (SD_0 · M_1 + SD_1 · M_0) / (SD_0 + SD_1): the point between the two distributions,
 * weighted by their spread (§3). 0 = non-clinical population, 1 = clinical population.
 */
export function clinicalCutoff(nonClinical: NormGroup, clinical: NormGroup): number {
  assertFiniteScore(nonClinical.mean, 'nonClinical.mean');
  assertFiniteScore(clinical.mean, 'clinical.mean');
  assertPositive(nonClinical.sd, 'nonClinical.sd');
  assertPositive(clinical.sd, 'clinical.sd');
  return (nonClinical.sd * clinical.mean + clinical.sd * nonClinical.mean) / (nonClinical.sd + clinical.sd);
}

export type ClinicalSignificanceCategory = 'recovered' | 'improved' | 'unchanged' | 'deteriorated';

export interface ClinicalSignificanceOptions {
  basis: ReliabilityBasis;
  /** Cut-off c (e.g. from {@link clinicalCutoff}, or a published cut-off such as 10 for PHQ-9). */
  cutoff: number;
  /** Default 'lower-is-better'. */
  direction?: ScoreDirection;
  /** Critical |RC| for the norms basis; default 1.96. */
  criticalValue?: number;
}

export interface ClinicalSignificance {
  category: ClinicalSignificanceCategory;
  reliableChange: ReliableChange;
  /** The score is on the clinical side of c. A score exactly at c counts as clinical (as caseness "≥ cut-off" does). */
  clinicalAtPre: boolean;
  clinicalAtPost: boolean;
}

/** Whether a score lies in the clinical range: at or beyond c, on the worse side. */
export function isInClinicalRange(
  score: number,
  cutoff: number,
  direction: ScoreDirection = 'lower-is-better',
): boolean {
  return direction === 'lower-is-better' ? score >= cutoff : score <= cutoff;
}

/**
 * Category of change (§3): recovered = reliable improvement from the clinical to the non-clinical
 * side of c; improved = reliable improvement otherwise; deteriorated = reliable change for the worse;
 * unchanged = no reliable change.
 */
export function clinicalSignificance(
  pre: number,
  post: number,
  options: ClinicalSignificanceOptions,
): ClinicalSignificance {
  assertFiniteScore(options.cutoff, 'cutoff');
  const direction = options.direction ?? 'lower-is-better';
  const rc = reliableChange(pre, post, options.basis, { direction, criticalValue: options.criticalValue });
  const clinicalAtPre = isInClinicalRange(pre, options.cutoff, direction);
  const clinicalAtPost = isInClinicalRange(post, options.cutoff, direction);
  let category: ClinicalSignificanceCategory;
  if (rc.reliableImprovement) category = clinicalAtPre && !clinicalAtPost ? 'recovered' : 'improved';
  else if (rc.reliableDeterioration) category = 'deteriorated';
  else category = 'unchanged';
  return { category, reliableChange: rc, clinicalAtPre, clinicalAtPost };
}
