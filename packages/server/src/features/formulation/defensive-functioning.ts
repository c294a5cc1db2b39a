import type { Static } from '@sinclair/typebox';
import {
  isDefenceId,
  levelProfile,
  odfTrend,
  overallDefensiveFunctioning,
  type DefenceId,
} from '@undercurrent/clinical';
import { iso } from '../journal/entry-record.js';
import type { DefensiveFunctioning } from './formulation-schemas.js';

export interface RatedNote {
  id: string;
  session_starts_at: Date;
  status: 'draft' | 'signed';
  defences: { defence: string; level: number }[];
}

/**
 * The ODF per note (packages/clinical odfTrend, in the order given) and the level profile of every
 * rated defence together. Ids that are not DMRS defences (which saving a note refuses) are left out.
 */
export function defensiveFunctioningOf(
  episodeId: string,
  notes: readonly RatedNote[],
): Static<typeof DefensiveFunctioning> {
  const rated = notes.map((note) => ({
    note,
    ratings: note.defences.map((d) => d.defence).filter(isDefenceId),
  }));
  const trend = odfTrend(rated.map(({ note, ratings }) => ({ at: note, ratings })));
  const all: DefenceId[] = rated.flatMap((r) => r.ratings);
  return {
    episodeId,
    points: trend.map((point) => ({
      noteId: point.at.id,
      sessionStartsAt: iso(point.at.session_starts_at),
      status: point.at.status,
      odf: point.odf,
      defencesCoded: point.defencesCoded,
    })),
    overall: overallDefensiveFunctioning(all),
    profile: levelProfile(all),
  };
}
