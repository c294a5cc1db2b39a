import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * The master key wraps every practice data key. From UNDERCURRENT_MASTER_KEY (32 bytes, base64) or,
 * by default, a key file created at first start with 0600 permissions. Its id (a hash prefix) is
 * stored beside each wrapped key so a rotation knows what it is re-wrapping.
 */
export interface MasterKey {
  id: string;
  key: Buffer;
}

export class MasterKeyError extends Error {}

export function masterKeyFromBytes(key: Buffer): MasterKey {
  if (key.length !== 32) throw new MasterKeyError('The master key must be exactly 32 bytes (base64-encoded).');
  return { key, id: crypto.createHash('sha256').update(key).digest('hex').slice(0, 16) };
}

export function parseMasterKey(base64: string): MasterKey {
  const key = Buffer.from(base64.trim(), 'base64');
  if (key.length !== 32) {
    throw new MasterKeyError(
      'UNDERCURRENT_MASTER_KEY must be 32 random bytes in base64 (for example the output of ' +
        "`node -e \"console.log(require('crypto').randomBytes(32).toString('base64'))\"`).",
    );
  }
  return masterKeyFromBytes(key);
}

export function masterKeyFile(dataDir: string): string {
  return path.join(dataDir, 'master.key');
}

export function loadOrCreateMasterKey(dataDir: string, fromEnv: string | undefined): MasterKey {
  if (fromEnv) return parseMasterKey(fromEnv);
  const file = masterKeyFile(dataDir);
  fs.mkdirSync(dataDir, { recursive: true });
  if (!fs.existsSync(file)) {
    fs.writeFileSync(file, `${crypto.randomBytes(32).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  }
  const mode = fs.statSync(file).mode & 0o777;
  if (mode & 0o077) {
    throw new MasterKeyError(
      `The master key file ${file} is readable by other users (mode ${mode.toString(8)}). Run: chmod 600 ${file}`,
    );
  }
  return parseMasterKey(fs.readFileSync(file, 'utf8'));
}
