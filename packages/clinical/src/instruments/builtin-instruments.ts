import type { InstrumentDefinition } from './definition-types.js';
import { GAD7 } from './gad7.js';
import { PCL5 } from './pcl5.js';
import { PHQ15 } from './phq15.js';
import { PHQ9 } from './phq9.js';

/** The four free instruments shipped with the product. */
export const BUILTIN_INSTRUMENTS: readonly InstrumentDefinition[] = [PHQ9, GAD7, PHQ15, PCL5];

/** A shipped instrument by id ("phq-9", "gad-7", "phq-15", "pcl-5"), or undefined. */
export function builtinInstrument(id: string): InstrumentDefinition | undefined {
  return BUILTIN_INSTRUMENTS.find((d) => d.id === id);
}
