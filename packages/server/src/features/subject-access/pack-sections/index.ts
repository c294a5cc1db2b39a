import type { AnyPackSection } from '../pack-section.js';
import { accessLogSection } from './access-log.js';
import { accountSection } from './account.js';
import { chargesSection } from './charges.js';
import { episodesSection } from './episodes.js';
import { outcomeMeasuresSection } from './outcome-measures.js';
import { processNotesSection } from './process-notes.js';
import { progressNotesSection } from './progress-notes.js';
import { sessionsSection } from './sessions.js';
import { sharedEntriesSection } from './shared-entries.js';

/**
 * The sections of a subject-access pack, in the order the pack shows them. A new kind of record
 * (letters, the case formulation…) adds one file in this folder and one line here.
 */
export const PACK_SECTIONS: readonly AnyPackSection[] = [
  accountSection,
  episodesSection,
  sessionsSection,
  chargesSection,
  progressNotesSection,
  sharedEntriesSection,
  outcomeMeasuresSection,
  processNotesSection,
  accessLogSection,
];
