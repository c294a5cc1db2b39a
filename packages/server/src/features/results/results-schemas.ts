import { Type, type Static } from '@sinclair/typebox';
import { Uuid } from '../../http/schemas.js';
import { IsoDate } from '../frame/frame-schemas.js';

/** A severity band of an instrument, from its definition: totals min..max inclusive. */
export const SeriesBand = Type.Object({ min: Type.Integer(), max: Type.Integer(), label: Type.String() });

/** Change from the first point, against the instrument's reliable-change value (higher totals are worse). */
export const ReliableChangeMarker = Type.Union([
  Type.Literal('first'),
  Type.Literal('improved'),
  Type.Literal('deteriorated'),
  Type.Literal('none'),
  Type.Literal('no-value'),
]);

export const SeriesPoint = Type.Object({
  /** The result's id. */
  id: Uuid,
  completedOn: Type.String({ format: 'date' }),
  total: Type.Number(),
  /** The band the total falls in (null when the definition has no band for it). */
  band: Type.Union([Type.String(), Type.Null()]),
  /** Points from the first point (negative = lower, better). */
  changeFromFirst: Type.Number(),
  reliableChange: ReliableChangeMarker,
});

export const InstrumentSeries = Type.Object({
  instrumentId: Type.String(),
  name: Type.String(),
  range: Type.Object({ min: Type.Integer(), max: Type.Integer() }),
  bands: Type.Array(SeriesBand),
  cutoff: Type.Union([Type.Object({ score: Type.Number(), label: Type.String() }), Type.Null()]),
  /** The instrument's reliable-change value in points (null when it has none). */
  reliableChangePoints: Type.Union([Type.Number(), Type.Null()]),
  /** Whether the therapist has chosen to show this chart to the client. */
  shared: Type.Boolean(),
  /** Results with a total, oldest first; results with no valid score are left out of the chart. */
  points: Type.Array(SeriesPoint),
  /** Results that have no valid score (too many answers missing). */
  unscored: Type.Integer(),
});

export const SeriesList = Type.Object({
  series: Type.Array(InstrumentSeries),
  /** Dates of the sessions attended in the client's episodes, oldest first. */
  sessionDates: Type.Array(Type.String({ format: 'date' })),
});

export type SeriesPointT = Static<typeof SeriesPoint>;
export type InstrumentSeriesT = Static<typeof InstrumentSeries>;
export type SeriesListT = Static<typeof SeriesList>;

const TriState = Type.Union([Type.Boolean(), Type.Null()]);

export const MeasureChangeSchema = Type.Object({
  measure: Type.String(),
  first: Type.Number(),
  last: Type.Number(),
  change: Type.Number(),
  reliablyImproved: Type.Boolean(),
  reliablyWorsened: Type.Boolean(),
});

/** The NHS Talking Therapies outcome of one episode, first vs last paired PHQ-9 and GAD-7. */
export const EpisodeSummary = Type.Object({
  episodeId: Uuid,
  status: Type.String(),
  startedOn: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
  endedOn: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
  treatmentSessionsAttended: Type.Integer(),
  finishedCourse: Type.Boolean(),
  paired: Type.Boolean(),
  firstPairedOn: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
  lastPairedOn: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
  casenessFirst: TriState,
  casenessLast: TriState,
  changes: Type.Array(MeasureChangeSchema),
  recovery: TriState,
  reliableImprovement: TriState,
  reliableDeterioration: TriState,
  reliableRecovery: TriState,
  /** One of: not-finished, not-paired, reliable-recovery, recovery, reliable-improvement, reliable-deterioration, no-reliable-change, not-a-case-at-start. */
  category: Type.String(),
});
export type EpisodeSummaryT = Static<typeof EpisodeSummary>;

const Rate = Type.Object({
  count: Type.Integer(),
  denominator: Type.Integer(),
  percentage: Type.Union([Type.Number(), Type.Null()]),
});

/** The practice outcome report: figures only, never a name or an id. */
export const OutcomeReport = Type.Object({
  from: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
  to: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
  episodes: Type.Integer(),
  finishedCourse: Type.Integer(),
  casesAtStart: Type.Integer(),
  pairedDataCompleteness: Rate,
  recovered: Rate,
  reliablyImproved: Rate,
  reliablyRecovered: Rate,
  deteriorated: Rate,
});
export type OutcomeReportT = Static<typeof OutcomeReport>;

export const ReportRange = Type.Object({ from: Type.Optional(IsoDate), to: Type.Optional(IsoDate) });
