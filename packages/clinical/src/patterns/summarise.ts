/**
 * Everything the pattern aids show for one client, from a folded state: themes, the people map,
 * echoes, transference markers, CCRT candidates, the CCRT of confirmed episodes and defensive
 * functioning. Each observation cites its passages and says in plain words how it was found.
 * Nothing here is a diagnosis.
 */
import { ccrtSummary } from '../ccrt/summary.js';
import type { CcrtSummary, CcrtSummaryOptions, ScoredEpisode } from '../ccrt/summary.js';
import type { RatedOccasion } from '../defences/odf.js';
import { ccrtCandidates } from './ccrt-candidates.js';
import type { CcrtCandidate } from './ccrt-candidates.js';
import { defensiveFunctioning } from './defensive-functioning.js';
import type { DefensiveFunctioning } from './defensive-functioning.js';
import { echoes } from './echoes.js';
import type { Echo, EchoOptions } from './echoes.js';
import type { PatternState } from './fold.js';
import { figureSentences, peopleMap } from './people-map.js';
import type { PeopleMapOptions, PersonInMap } from './people-map.js';
import { recurringThemes } from './themes.js';
import type { Theme, ThemeOptions } from './themes.js';
import { transferenceTimeline } from './transference.js';
import type { TransferenceMarker } from './transference.js';

export interface PatternsSummaryOptions<K = string> {
  themes?: ThemeOptions;
  people?: PeopleMapOptions;
  echoes?: EchoOptions;
  /** Episodes the therapist confirmed and scored (from candidates or by hand). */
  confirmedEpisodes?: readonly ScoredEpisode[];
  /** The practice's CCRT clusters and the minimum number of episodes. */
  ccrt?: CcrtSummaryOptions;
  /** Most CCRT candidates in the summary, latest first; default 50. */
  ccrtCandidateLimit?: number;
  /** Defences the therapist rated, per note. */
  ratedOccasions?: readonly RatedOccasion<K>[];
}

export interface PatternsSummary<K = string> {
  entries: number;
  firstDate: string | null;
  lastDate: string | null;
  themes: Theme[];
  people: PersonInMap[];
  echoes: Echo[];
  transference: TransferenceMarker[];
  /** The latest candidates (`ccrtCandidateLimit`); `ccrtCandidates(state)` lists them all. */
  ccrtCandidates: CcrtCandidate[];
  ccrtCandidateCount: number;
  ccrt: CcrtSummary;
  defensiveFunctioning: DefensiveFunctioning<K>;
  /** Shown with the aids wherever they appear. */
  caution: string;
}

export const PATTERNS_CAUTION =
  'These are aids for reflection, found by counting words; they are not findings or a diagnosis. ' +
  'Each one shows the passages behind it — read them.';

export function summarisePatterns<K = string>(
  state: PatternState,
  options: PatternsSummaryOptions<K> = {},
): PatternsSummary<K> {
  let firstDate: string | null = null;
  let lastDate: string | null = null;
  for (const a of state.analyses.values()) {
    if (firstDate === null || a.date < firstDate) firstDate = a.date;
    if (lastDate === null || a.date > lastDate) lastDate = a.date;
  }
  const sentences = figureSentences(state);
  const allCandidates = ccrtCandidates(state);
  return {
    entries: state.analyses.size,
    firstDate,
    lastDate,
    themes: recurringThemes(state, options.themes),
    people: peopleMap(state, options.people, sentences),
    echoes: echoes(state, options.echoes, sentences),
    transference: transferenceTimeline(state),
    ccrtCandidates: allCandidates.slice(0, options.ccrtCandidateLimit ?? 50),
    ccrtCandidateCount: allCandidates.length,
    ccrt: ccrtSummary(options.confirmedEpisodes ?? [], options.ccrt),
    defensiveFunctioning: defensiveFunctioning(options.ratedOccasions ?? []),
    caution: PATTERNS_CAUTION,
  };
}
