/** The shapes of the results API (packages/server/src/features/results/results-schemas.ts). */
export type ReliableChangeMarker = 'first' | 'improved' | 'deteriorated' | 'none' | 'no-value';

export interface SeriesPoint {
  id: string;
  completedOn: string;
  total: number;
  band: string | null;
  changeFromFirst: number;
  reliableChange: ReliableChangeMarker;
}

export interface InstrumentSeries {
  instrumentId: string;
  name: string;
  range: { min: number; max: number };
  bands: { min: number; max: number; label: string }[];
  cutoff: { score: number; label: string } | null;
  reliableChangePoints: number | null;
  shared: boolean;
  points: SeriesPoint[];
  unscored: number;
}

export interface SeriesList {
  series: InstrumentSeries[];
  sessionDates: string[];
}

export interface MeasureChange {
  measure: string;
  first: number;
  last: number;
  change: number;
  reliablyImproved: boolean;
  reliablyWorsened: boolean;
}

export interface EpisodeSummary {
  episodeId: string;
  status: string;
  startedOn: string | null;
  endedOn: string | null;
  treatmentSessionsAttended: number;
  finishedCourse: boolean;
  paired: boolean;
  firstPairedOn: string | null;
  lastPairedOn: string | null;
  casenessFirst: boolean | null;
  casenessLast: boolean | null;
  changes: MeasureChange[];
  recovery: boolean | null;
  reliableImprovement: boolean | null;
  reliableDeterioration: boolean | null;
  reliableRecovery: boolean | null;
  category: string;
}

export interface OutcomeRate {
  count: number;
  denominator: number;
  percentage: number | null;
}

export interface OutcomeReport {
  from: string | null;
  to: string | null;
  episodes: number;
  finishedCourse: number;
  casesAtStart: number;
  pairedDataCompleteness: OutcomeRate;
  recovered: OutcomeRate;
  reliablyImproved: OutcomeRate;
  reliablyRecovered: OutcomeRate;
  deteriorated: OutcomeRate;
}
