import { open, seal } from './aead.js';
import type { DataKey, KeyPurpose, KeyRing } from './key-ring.js';
import type pg from 'pg';

/**
 * Clinical free text at rest: `uc1.<purpose>.<key version>.<base64(iv | tag | ciphertext)>`, sealed with
 * AES-256-GCM under the practice's data key. The additional data binds each ciphertext to its practice
 * and to the place it belongs (`context`, e.g. "mfa_totp:<user id>"), so a value copied to another row
 * or practice does not decrypt.
 */
type Queryable = Pick<pg.PoolClient, 'query'>;

export class DecryptionError extends Error {}

const FORMAT = /^uc1\.(clinical|process)\.(\d+)\.([A-Za-z0-9+/=]+)$/;

function aad(practiceId: string, purpose: KeyPurpose, context: string): string {
  return `undercurrent|${practiceId}|${purpose}|${context}`;
}

export async function encryptText(
  keys: KeyRing,
  tx: Queryable,
  practiceId: string,
  purpose: KeyPurpose,
  context: string,
  plaintext: string,
): Promise<string> {
  return sealText(await keys.active(tx, practiceId, purpose), practiceId, purpose, context, plaintext);
}

/** Seals with a data key already in hand (the access layer keeps the active one for a transaction). */
export function sealText(
  dataKey: DataKey,
  practiceId: string,
  purpose: KeyPurpose,
  context: string,
  plaintext: string,
): string {
  const s = seal(dataKey.key, Buffer.from(plaintext, 'utf8'), aad(practiceId, purpose, context));
  return `uc1.${purpose}.${dataKey.version}.${Buffer.concat([s.iv, s.tag, s.ciphertext]).toString('base64')}`;
}

export async function decryptText(
  keys: KeyRing,
  tx: Queryable,
  practiceId: string,
  context: string,
  stored: string,
): Promise<string> {
  const match = FORMAT.exec(stored);
  if (!match) throw new DecryptionError('Stored text is not in the Undercurrent encrypted format.');
  const purpose = match[1] as KeyPurpose;
  const key = await keys.version(tx, practiceId, purpose, Number(match[2]));
  const raw = Buffer.from(match[3] ?? '', 'base64');
  try {
    return open(
      key,
      { iv: raw.subarray(0, 12), tag: raw.subarray(12, 28), ciphertext: raw.subarray(28) },
      aad(practiceId, purpose, context),
    ).toString('utf8');
  } catch {
    throw new DecryptionError('Encrypted text failed its integrity check (altered, or moved from another record).');
  }
}

export function keyVersionOf(stored: string): { purpose: KeyPurpose; version: number } | undefined {
  const match = FORMAT.exec(stored);
  return match ? { purpose: match[1] as KeyPurpose, version: Number(match[2]) } : undefined;
}
