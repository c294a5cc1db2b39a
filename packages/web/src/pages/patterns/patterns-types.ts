/**
 * The shapes of the patterns routes as the pages read them, field for field the server's response
 * schemas (packages/server/src/features/patterns/observation-schemas.ts, patterns-schemas.ts and
 * dream-code-schemas.ts); the server sends nothing else.
 */
export interface Citation {
  entryId: string;
  date: string;
  start: number;
  end: number;
}
export type Trend = 'rising' | 'fading' | 'steady' | 'too-few';
export interface MonthCount {
  /** YYYY-MM */
  month: string;
  count: number;
}
export interface Theme {
  id: string;
  label: string;
  terms: string[];
  entries: number;
  firstSeen: string;
  lastSeen: string;
  byMonth: MonthCount[];
  trend: Trend;
  citations: Citation[];
  citationCount: number;
  how: string;
}
export interface Counted {
  id: string;
  label: string;
  sentences: number;
  entries: number;
}
export interface Person {
  figure: string;
  label: string;
  names: string[];
  entries: number;
  sentences: number;
  pastSentences: number;
  firstSeen: string;
  lastSeen: string;
  byMonth: MonthCount[];
  trend: Trend;
  feelings: Counted[];
  interactions: (Counted & { byFigure: number; toFigure: number })[];
  citations: Citation[];
  citationCount: number;
  how: string;
}
export interface EchoSide {
  figure: string;
  label: string;
  sentences: number;
  citations: Citation[];
}
export interface Echo {
  id: string;
  past: EchoSide;
  present: EchoSide;
  /** Cosine similarity of the two profiles, 0–1. */
  similarity: number;
  shared: string[];
  how: string;
}
export interface TransferenceMarker {
  entryId: string;
  date: string;
  kind: 'session_note' | 'journal' | 'dream' | 'countertransference';
  source: 'shared' | 'private' | 'therapist';
  marker: 'client-reference' | 'countertransference';
  terms: string[];
  citations: Citation[];
  how: string;
}
export interface Candidate {
  id: string;
  entryId: string;
  date: string;
  figure: string;
  figureLabel: string;
  interaction: string;
  response: { feeling: string } | { action: string };
  suggested: { RO: string[]; RS: string[] };
  citations: Citation[];
  how: string;
}
export interface Tally {
  id: string;
  label: string;
  valence?: 'positive' | 'negative';
  episodes: number;
  pervasiveness: number;
}
export interface ComponentSummary {
  component: 'W' | 'RO' | 'RS';
  episodesScored: number;
  categories: Tally[];
  mostFrequent: Tally[];
}
export interface ValenceBalance {
  positive: number;
  negative: number;
  positiveShare: number | null;
  negativeShare: number | null;
}
export interface CcrtSummary {
  scoredEpisodes: number;
  enoughEpisodes: boolean;
  W: ComponentSummary;
  RO: ComponentSummary & { balance: ValenceBalance };
  RS: ComponentSummary & { balance: ValenceBalance };
  unknownCategories: { episode?: string; component: 'W' | 'RO' | 'RS'; id: string }[];
  unverified: boolean;
}
export interface OdfPoint {
  /** The note's day (YYYY-MM-DD). */
  at: string;
  odf: number | null;
  defencesCoded: number;
}
export interface LevelShare {
  level: number;
  name: string;
  count: number;
  share: number;
}
export interface DefensiveFunctioning {
  trend: OdfPoint[];
  overall: number | null;
  profile: { total: number; levels: LevelShare[] };
  how: string;
}
export interface Proportion {
  numerator: number;
  denominator: number;
  value: number | null;
}
export interface HEntry {
  indicator: string;
  label: string;
  value: Proportion;
  norm: number;
  h: number | null;
  effect: 'negligible' | 'small' | 'medium' | 'large' | null;
  p: number | null;
  q: number | null;
  significant: boolean;
  test: 'norm-sample' | 'norm-as-population';
}
export interface HRate {
  indicator: string;
  label: string;
  value: Proportion;
  norm: number;
  difference: number | null;
}
export interface HProfile {
  normGroup: 'women' | 'men';
  normLabel: string;
  dreams: number;
  caution: boolean;
  proportions: HEntry[];
  rates: HRate[];
}
export interface PassageSource {
  entryId: string;
  kind: string;
  date: string;
  link: string;
}
export interface ConfirmedEpisode {
  id: string;
  entryId: string;
  date: string;
  start: number;
  end: number;
  W: string[];
  RO: string[];
  RS: string[];
  link: string | null;
}
export interface PatternsSummary {
  entries: number;
  firstDate: string | null;
  lastDate: string | null;
  themes: Theme[];
  people: Person[];
  echoes: Echo[];
  transference: TransferenceMarker[];
  ccrtCandidates: Candidate[];
  ccrtCandidateCount: number;
  ccrt: CcrtSummary;
  defensiveFunctioning: DefensiveFunctioning;
  caution: string;
}
export interface DreamsView {
  count: number;
  /** Dreams whose codes the therapist corrected. */
  corrected: number;
  profile: HProfile | null;
  caution: string | null;
  how: string;
}
/** What every view (the therapist's tab and the client's own) shows: the summary, its sources and the dreams. */
export interface PatternsView {
  summary: PatternsSummary;
  sources: PassageSource[];
  dreams: DreamsView;
}
export interface StaffPatterns extends PatternsView {
  clientId: string;
  episodes: ConfirmedEpisode[];
}
export type OwnPatterns = PatternsView;
export interface Cluster {
  id: string;
  component: 'W' | 'RO' | 'RS';
  label: string;
}
