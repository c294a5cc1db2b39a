import type { PatternsView } from './patterns-types';

/** Who is reading: the therapist (their client's shared material and their notes) or the client (all their own entries). */
export type Voice = 'staff' | 'own';

export interface SectionProps {
  view: PatternsView;
  /** Entry id → the page the reader may open for it. */
  links: Map<string, string>;
  voice: Voice;
}

/** The page to open for each cited entry, from the view's sources. */
export const linksOf = (view: PatternsView | undefined): Map<string, string> =>
  new Map((view?.sources ?? []).map((s) => [s.entryId, s.link]));
