import { EXIT, type CliIo } from '../cli-io.js';

/** `help`: every command, its options, and what the exit codes mean. */
export const HELP = `Undercurrent admin CLI

Usage: npm run cli -- <command> [options]      (or: undercurrent <command> [options])

Commands
  create-practice --name <name> --admin-email <e-mail> --admin-name <name>
                  [--slug <slug>] [--time-zone <zone, default Europe/London>] [--password-stdin]
      Create a practice and its first administrator. Prints a one-time invitation link (valid 7 days)
      for the administrator, or, with --password-stdin, sets the password piped in:
        printf '%s' "$ADMIN_PASSWORD" | npm run cli -- create-practice … --password-stdin

  reset-mfa --practice <slug> --email <e-mail>
      For someone who lost every second factor: removes their authenticator app, passkeys and
      recovery codes and signs them out everywhere. Staff set up a new factor at their next sign-in.

  audit verify [--practice <slug>]
      Check that no audit entry was altered or removed (all practices unless one is named).

  rotate-data-keys [--practice <slug>]
      Start new data key versions and re-encrypt stored secrets and e-mail bodies with them.

  rotate-master-key --new-key-file <path>
      Re-wrap every practice's data keys with a new master key (32 random bytes, base64), then tells
      you how to make the server use it. Stop the server(s) first.

  help
      This text.

Where the data is
  The CLI reads the same settings as the server (UNDERCURRENT_DATA_DIR, DATABASE_URL,
  UNDERCURRENT_MASTER_KEY, UNDERCURRENT_PUBLIC_URL …). With the embedded database it must run while
  the server is stopped (PostgreSQL's files can only be opened by one process); with an external
  database (DATABASE_URL) it works alongside running servers.

Exit codes
  0  done; for audit verify: every audit log is intact
  1  a problem was found (audit log tampered, values that could not be decrypted) or the command failed
  2  the command could not be carried out as asked (usage, a bad value, unknown practice or person)
  3  the embedded database is in use by a running Undercurrent server`;

export function helpCommand(io: CliIo): number {
  io.out(HELP);
  return EXIT.ok;
}
