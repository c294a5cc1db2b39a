import { codeDream, type DreamCode } from '@undercurrent/clinical';

/**
 * The automatic codes of each dream, kept in memory in this process like `analysis-cache.ts`: keyed by
 * the entry's id and the version of its text, so an edited dream is coded again. Codes hold offsets and
 * quoted words of the dream, so they never leave the process and are bounded (least recently used out
 * first).
 */
const MAX_DREAMS = 5_000;
const cache = new Map<string, DreamCode[]>();

export function automaticCodes(entryId: string, version: number, text: string): DreamCode[] {
  const key = `${entryId}|${version}`;
  const found = cache.get(key);
  if (found) {
    cache.delete(key);
    cache.set(key, found);
    return found;
  }
  const codes = codeDream(text);
  cache.set(key, codes);
  if (cache.size > MAX_DREAMS) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  return codes;
}
