import { dreamCodeLabel, type DreamCode, type DreamCodeCorrection } from '@undercurrent/clinical';
import type { PdfBlock } from '../../../pdf/pdf-document.js';
import { correctedCodes } from '../../patterns/dream-codes-detail.js';
import { loadCorrections } from '../../patterns/dream-corrections-record.js';
import { sharedDreams } from '../../patterns/dream-sources.js';
import { packSection } from '../pack-section.js';

/**
 * The therapist's corrections of the automatic Hall–Van de Castle codes of the client's shared dreams
 * (migration 0017): for each corrected dream, each code the therapist added (with the words it rests
 * on), changed from what to what, or removed, in words. The automatic codes themselves are worked out
 * from the dream's text whenever they are shown and are not stored, so only what the therapist decided
 * is here. Only dreams still shared: a dream whose share the client withdrew is theirs again, and the
 * practice (the admin who prepares the pack) does not read its words, as with shared entries.
 */
export const DREAM_CODES_LEAD =
  'Your therapist’s pattern tools sort the dreams you share by what happens in them (who is there, what they feel, ' +
  'what they do), using the Hall–Van de Castle system. The tools do it automatically; these are the changes your ' +
  'therapist made to that, dream by dream.';

export interface DreamCodesData {
  lead: string;
  dreams: {
    dreamtOn: string | null;
    correctedAt: string;
    changes: { change: 'added' | 'changed' | 'removed'; code: string; from: string | null; words: string[] }[];
  }[];
}

const GONE = 'a code the dream no longer has';

function describe(correction: DreamCodeCorrection, automatic: ReadonlyMap<string, DreamCode>) {
  const before = automatic.get(correction.id);
  const from = before ? dreamCodeLabel(before) : null;
  if (correction.action === 'add') {
    return {
      change: 'added' as const,
      code: dreamCodeLabel(correction.code),
      from: null,
      words: correction.evidence.map((e) => e.text),
    };
  }
  if (correction.action === 'remove') return { change: 'removed' as const, code: from ?? GONE, from: null, words: [] };
  return {
    change: 'changed' as const,
    code: dreamCodeLabel(correction.code),
    from,
    words: (correction.evidence ?? before?.evidence ?? []).map((e) => e.text),
  };
}

export const dreamCodesSection = packSection<DreamCodesData>({
  key: 'dream_codes',
  title: 'Your therapist’s corrections of the codes of your dreams',
  async assemble(tx, scope) {
    const stored = await loadCorrections(tx, scope.clientId);
    if (stored.size === 0) return { lead: DREAM_CODES_LEAD, dreams: [] };
    // Oldest first, each with its date (the night it was dreamt, else the day it was written).
    const dreams = (await sharedDreams(tx, scope.clientId)).flatMap((dream) => {
      const corrections = stored.get(dream.entryId);
      if (!corrections) return [];
      const automatic = new Map(correctedCodes(dream, undefined).automatic.map((c) => [c.id, c]));
      return [
        {
          dreamtOn: dream.date,
          correctedAt: corrections.updatedAt,
          changes: corrections.corrections.map((c) => describe(c, automatic)),
        },
      ];
    });
    return { lead: DREAM_CODES_LEAD, dreams };
  },
  toPdf(data, print) {
    if (data.dreams.length === 0) {
      return [{ kind: 'paragraph', text: 'Your therapist has not corrected the codes of any dream you share.' }];
    }
    return [
      { kind: 'paragraph', text: data.lead },
      ...data.dreams.flatMap((d): PdfBlock[] => [
        { kind: 'heading', level: 2, text: `Dream of ${print.date(d.dreamtOn)}` },
        { kind: 'meta', text: `Corrected ${print.dateTime(d.correctedAt)}` },
        ...d.changes.map((c): PdfBlock => {
          const rests = c.words.length > 0 ? ` — resting on “${c.words.join('”, “')}”` : '';
          const text =
            c.change === 'added'
              ? `Added: ${c.code}${rests}`
              : c.change === 'removed'
                ? `Removed: ${c.code}`
                : `Changed${c.from ? ` from ${c.from}` : ''} to ${c.code}${rests}`;
          return { kind: 'paragraph', text };
        }),
      ]),
    ];
  },
});
