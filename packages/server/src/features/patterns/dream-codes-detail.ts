import type { Static } from '@sinclair/typebox';
import { applyCorrections, type DreamCode } from '@undercurrent/clinical';
import { automaticCodes } from './dream-codes-cache.js';
import type { DreamCodesDetail, DreamListItem } from './dream-code-schemas.js';
import type { StoredCorrections } from './dream-corrections-record.js';
import type { SharedDream } from './dream-sources.js';

/** The codes the indicators use for a dream: the automatic ones with the therapist's corrections applied. */
export function correctedCodes(dream: SharedDream, stored: StoredCorrections | undefined) {
  const automatic = automaticCodes(dream.entryId, dream.version, dream.text);
  return stored
    ? { automatic, ...applyCorrections(automatic, stored.corrections) }
    : { automatic, codes: automatic, unmatched: [] };
}

export function dreamDetail(
  dream: SharedDream,
  stored: StoredCorrections | undefined,
): Static<typeof DreamCodesDetail> {
  const { automatic, codes, unmatched } = correctedCodes(dream, stored);
  return {
    entryId: dream.entryId,
    date: dream.date,
    link: dream.link,
    text: dream.text,
    automatic: automatic as Static<typeof DreamCodesDetail>['automatic'],
    corrections: (stored?.corrections ?? []) as Static<typeof DreamCodesDetail>['corrections'],
    codes: codes as DreamCode[] as Static<typeof DreamCodesDetail>['codes'],
    unmatched: unmatched.length,
    version: stored?.version ?? 0,
    correctedAt: stored?.updatedAt ?? null,
    editedSince: stored !== undefined && stored.entryVersion !== dream.version,
  };
}

const OPENING_WORDS = 12;

export function dreamListItem(dream: SharedDream, stored: StoredCorrections | undefined): Static<typeof DreamListItem> {
  const words = dream.text.trim().split(/\s+/);
  const opening = words.slice(0, OPENING_WORDS).join(' ') + (words.length > OPENING_WORDS ? ' …' : '');
  return {
    entryId: dream.entryId,
    date: dream.date,
    link: dream.link,
    opening,
    codes: correctedCodes(dream, stored).codes as Static<typeof DreamListItem>['codes'],
    corrected: stored !== undefined,
    correctedAt: stored?.updatedAt ?? null,
  };
}
