import type { Band, Cutoff } from './definition-types.js';

/** The band a total falls in: the highest band whose minimum it reaches (so fractional totals fall in one too). */
export function bandFor(bands: readonly Band[], total: number | null): Band | null {
  if (total === null) return null;
  let found: Band | null = null;
  for (const band of [...bands].sort((a, b) => a.min - b.min)) {
    if (total >= band.min) found = band;
  }
  return found;
}

/** Whether a total is a case under the cut-off; null without a total or a cut-off. */
export function isCase(cutoff: Cutoff | undefined, total: number | null): boolean | null {
  if (cutoff === undefined || total === null) return null;
  return cutoff.comparison === 'above' ? total > cutoff.score : total >= cutoff.score;
}
