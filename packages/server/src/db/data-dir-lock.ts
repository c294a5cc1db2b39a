import fs from 'node:fs';
import path from 'node:path';

/** Refuses a second Undercurrent on the same data directory, with a message a person can act on. */
export class DataDirLockedError extends Error {}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface DataDirLock {
  release(): void;
}

export function lockDataDir(dataDir: string): DataDirLock {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o755 });
  const lockFile = path.join(dataDir, 'undercurrent.pid');
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      fs.writeFileSync(lockFile, `${process.pid}\n`, { flag: 'wx', mode: 0o644 });
      return {
        release() {
          try {
            if (fs.readFileSync(lockFile, 'utf8').trim() === String(process.pid)) fs.unlinkSync(lockFile);
          } catch {
            /* already gone */
          }
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(fs.readFileSync(lockFile, 'utf8').trim());
      if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && isAlive(holder)) {
        throw new DataDirLockedError(
          `Undercurrent is already running on the data directory ${dataDir} (process ${holder}). ` +
            'Stop that one first, or start this one with a different UNDERCURRENT_DATA_DIR.',
        );
      }
      // A stale lock from a process that no longer exists: take it over.
      fs.unlinkSync(lockFile);
    }
  }
  throw new DataDirLockedError(`Could not lock the data directory ${dataDir}.`);
}
