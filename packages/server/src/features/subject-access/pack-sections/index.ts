import type { AnyPackSection } from '../pack-section.js';
import { accessLogSection } from './access-log.js';
import { accountSection } from './account.js';
import { caseFormulationSection } from './case-formulation.js';
import { chargesSection } from './charges.js';
import { dreamCodesSection } from './dream-codes.js';
import { episodesSection } from './episodes.js';
import { lettersSection } from './letters.js';
import { outcomeMeasuresSection } from './outcome-measures.js';
import { processNotesSection } from './process-notes.js';
import { progressNotesSection } from './progress-notes.js';
import { sessionsSection } from './sessions.js';
import { sharedEntriesSection } from './shared-entries.js';

/**
 * The sections of a subject-access pack, in the order the pack shows them. A new kind of record adds one file in this folder and one line here.
 */
export const PACK_SECTIONS: readonly AnyPackSection[] = [
  accountSection,
  episodesSection,
  sessionsSection,
  chargesSection,
  progressNotesSection,
  caseFormulationSection,
  lettersSection,
  sharedEntriesSection,
  dreamCodesSection,
  outcomeMeasuresSection,
  processNotesSection,
  accessLogSection,
];
