/**
 * Where the admin CLI writes and reads: the process's stdout/stderr/stdin, or (in tests) buffers.
 * Results go to `out`; progress, warnings and errors to `err`, so `out` can be piped.
 */
export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  readStdin(): Promise<string>;
  stdinIsTTY: boolean;
}

export const processIo: CliIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  async readStdin() {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
    return Buffer.concat(chunks).toString('utf8');
  },
  get stdinIsTTY() {
    return process.stdin.isTTY === true;
  },
};

/** Exit codes, documented in `help`. */
export const EXIT = {
  ok: 0,
  /** The command ran and found a problem (a tampered audit log), or failed part-way. */
  problem: 1,
  /** The command could not be carried out as asked: usage, a bad value, an unknown practice or person. */
  usage: 2,
  /** The embedded database is in use by a running Undercurrent server. */
  busy: 3,
} as const;

/** A mistake in how the command was called; the message says how to call it. */
export class CliUsageError extends Error {}
