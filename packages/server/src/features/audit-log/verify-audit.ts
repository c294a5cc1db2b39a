import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Scoped } from '../../access/access-layer.js';
import { sealPending, verifyChain, type ChainReport } from '../../audit/chain.js';
import { actorOf, guard } from '../../http/authenticate.js';
import { withErrors } from '../../http/schemas.js';

/**
 * POST /api/audit/verify (admin): seals what is waiting, then walks the practice's hash chain and
 * reports every entry that was altered or removed. The admin CLI's `audit verify` does the same.
 */
export async function sealAndVerify(tx: Scoped): Promise<ChainReport> {
  const practiceId = tx.actor.practiceId;
  while ((await sealPending(tx.client, practiceId)) >= 2000) {
    /* keep sealing until nothing is left */
  }
  return verifyChain(tx.client, practiceId);
}

export const VerifyReport = Type.Object({
  ok: Type.Boolean(),
  sealed: Type.Integer({ description: 'Entries in the chain' }),
  unsealed: Type.Integer({ description: 'Entries still waiting to be sealed' }),
  problems: Type.Array(
    Type.Object({
      chainSeq: Type.Union([Type.Integer(), Type.Null()]),
      eventId: Type.Union([Type.Integer(), Type.Null()]),
      problem: Type.String(),
    }),
  ),
});

export const verifyAuditRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/audit/verify',
    {
      preHandler: guard(app.ctx.access, { roles: ['admin'] }),
      schema: {
        tags: ['audit'],
        summary: 'Check that no audit entry was altered or removed (seals pending entries first)',
        response: withErrors({ 200: VerifyReport }),
      },
    },
    async (request) =>
      app.ctx.access.run(actorOf(request), async (tx) => {
        const report = await sealAndVerify(tx);
        tx.audit({ action: 'audit.verified', details: { ok: report.ok, problems: report.problems.length } });
        return {
          ok: report.ok,
          sealed: report.sealed,
          unsealed: report.unsealed,
          problems: report.problems.map((p) => ({
            chainSeq: p.chainSeq === null ? null : Number(p.chainSeq),
            eventId: p.eventId === null ? null : Number(p.eventId),
            problem: p.problem,
          })),
        };
      }),
  );
};
