/** The shapes of GET /api/patterns/clients/:clientId as this page reads them (see packages/clinical patterns). */
export interface Citation {
  entryId: string;
  date: string;
  start: number;
  end: number;
}
export interface Theme {
  id: string;
  label: string;
  entries: number;
  firstSeen: string;
  lastSeen: string;
  trend: string;
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
  feelings: Counted[];
  interactions: Counted[];
  citations: Citation[];
  how: string;
}
export interface Echo {
  id: string;
  past: { label: string; citations: Citation[] };
  present: { label: string; citations: Citation[] };
  shared: string[];
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
export interface StaffPatterns {
  clientId: string;
  summary: {
    entries: number;
    firstDate: string | null;
    lastDate: string | null;
    themes: Theme[];
    people: Person[];
    echoes: Echo[];
    ccrtCandidates: Candidate[];
    ccrtCandidateCount: number;
    ccrt: {
      scoredEpisodes: number;
      enoughEpisodes: boolean;
      W: ComponentSummary;
      RO: ComponentSummary;
      RS: ComponentSummary;
    };
    caution: string;
  };
  sources: PassageSource[];
  dreams: { count: number; profile: { normLabel: string; proportions: HEntry[] } | null; caution: string | null };
  episodes: ConfirmedEpisode[];
}
export interface Cluster {
  id: string;
  component: 'W' | 'RO' | 'RS';
  label: string;
}
