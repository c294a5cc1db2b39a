/**
 * Defensive functioning alongside the text aids: the ODF and the level profile from the defences the
 * therapist rated in notes, as a trend. Computed by `defences/odf.ts`; nothing here is automatic
 * detection of defences.
 */
import { levelProfile, odfTrend, overallDefensiveFunctioning } from '../defences/odf.js';
import type { LevelProfile, OdfPoint, RatedOccasion } from '../defences/odf.js';

export interface DefensiveFunctioning<K> {
  /** ODF per rated note, in the order given. */
  trend: OdfPoint<K>[];
  /** ODF over every rating; null when nothing is rated. */
  overall: number | null;
  /** Level profile over every rating. */
  profile: LevelProfile;
  how: string;
}

export function defensiveFunctioning<K>(occasions: readonly RatedOccasion<K>[]): DefensiveFunctioning<K> {
  const all = occasions.flatMap((o) => o.ratings);
  const trend = odfTrend(occasions);
  return {
    trend,
    overall: overallDefensiveFunctioning(all),
    profile: levelProfile(all),
    how:
      `From the defences the therapist rated in ${trend.length} ${trend.length === 1 ? 'note' : 'notes'}: ` +
      `ODF is the mean DMRS level (1–7) of the rated defences.`,
  };
}
