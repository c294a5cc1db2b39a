/** The shapes of GET /api/patterns/clients/:clientId as this page reads them (see packages/clinical patterns). */
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
  entries: number;
  firstSeen: string;
  lastSeen: string;
  byMonth: MonthCount[];
  trend: Trend;
  citations: Citation[];
  how: string;
}
export interface Counted {
  id: string;
  label: string;
  sentences: number;
}
export interface Person {
  figure: string;
  label: string;
  entries: number;
  sentences: number;
  pastSentences: number;
  firstSeen: string;
  lastSeen: string;
  byMonth: MonthCount[];
  trend: Trend;
  feelings: Counted[];
  interactions: Counted[];
  citations: Citation[];
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
  kind: string;
  source: string;
  marker: 'client-reference' | 'countertransference';
  terms: string[];
  citations: Citation[];
  how: string;
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
export interface Candidate {
  id: string;
  entryId: string;
  date: string;
  figureLabel: string;
  interaction: string;
  suggested: { RO: string[]; RS: string[] };
  citations: Citation[];
  how: string;
}
export interface Tally {
  id: string;
  label: string;
  episodes: number;
}
export interface ComponentSummary {
  mostFrequent: Tally[];
}
export interface HEntry {
  indicator: string;
  label: string;
  h: number | null;
  value: { value: number | null; numerator: number; denominator: number };
  norm: number;
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
  W: string[];
  RO: string[];
  RS: string[];
  link: string | null;
}
export interface DreamProfile {
  count: number;
  profile: { normLabel: string; proportions: HEntry[] } | null;
  caution: string | null;
}
export interface Summary {
  entries: number;
  firstDate: string | null;
  lastDate: string | null;
  themes: Theme[];
  people: Person[];
  echoes: Echo[];
  transference: TransferenceMarker[];
  defensiveFunctioning: DefensiveFunctioning;
  caution: string;
}
/** What every view (the therapist's tab and the client's own) shows: the summary, its sources and the dreams. */
export interface PatternsView {
  summary: Summary;
  sources: PassageSource[];
  dreams: DreamProfile;
}
export interface StaffPatterns extends PatternsView {
  clientId: string;
  summary: Summary & {
    ccrtCandidates: Candidate[];
    ccrtCandidateCount: number;
    ccrt: {
      scoredEpisodes: number;
      enoughEpisodes: boolean;
      W: ComponentSummary;
      RO: ComponentSummary;
      RS: ComponentSummary;
    };
  };
  episodes: ConfirmedEpisode[];
}
export interface Cluster {
  id: string;
  component: 'W' | 'RO' | 'RS';
  label: string;
}
