import { systemActor } from '../../access/actor.js';
import { sealAndVerify } from '../../features/audit-log/verify-audit.js';
import type { AppContext } from '../../context.js';
import { EXIT, type CliIo } from '../cli-io.js';
import { label, practicesFor } from '../practices.js';

/**
 * `audit verify [--practice <slug>]`: seals pending entries, then checks every practice's (or one
 * practice's) audit hash chain. Exit 0 when every chain is intact, 1 when any was tampered with,
 * printing each problem.
 */
export async function auditVerifyCommand(ctx: AppContext, options: { practice?: string | undefined }, io: CliIo) {
  const practices = await practicesFor(ctx, options.practice);
  if (practices.length === 0) {
    io.out('There are no practices yet, so there is no audit log to verify.');
    return EXIT.ok;
  }
  let broken = 0;
  for (const practice of practices) {
    const report = await ctx.access.run(systemActor(practice.id), async (tx) => {
      const result = await sealAndVerify(tx);
      tx.audit({ action: 'audit.verified', details: { ok: result.ok, problems: result.problems.length, via: 'cli' } });
      return result;
    });
    if (report.ok) {
      io.out(`✓ ${label(practice)}: intact — ${report.sealed} entries checked.`);
      continue;
    }
    broken += 1;
    io.out(`✗ ${label(practice)}: TAMPERED — ${report.problems.length} problem(s) in ${report.sealed} entries:`);
    for (const problem of report.problems) {
      const where = [
        problem.chainSeq === null ? null : `entry ${problem.chainSeq}`,
        problem.eventId === null ? null : `event id ${problem.eventId}`,
      ]
        .filter(Boolean)
        .join(', ');
      io.out(`    ${where ? `${where}: ` : ''}${problem.problem}`);
    }
  }
  if (broken > 0) {
    io.out('');
    io.out(
      `${broken} of ${practices.length} audit log(s) were altered outside Undercurrent. Keep a copy of the database ` +
        'as it is now, and compare it with your backups to find out what changed and when.',
    );
    return EXIT.problem;
  }
  return EXIT.ok;
}
