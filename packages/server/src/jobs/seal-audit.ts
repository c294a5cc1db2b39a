import type { AccessLayer } from '../access/access-layer.js';
import { systemActor } from '../access/actor.js';
import { sealPending } from '../audit/chain.js';
import type { Job } from './runner.js';

/** Seals newly committed audit events into each practice's hash chain, about once a second. */
export async function sealAllPractices(access: AccessLayer): Promise<number> {
  let sealed = 0;
  for (const practice of await access.listPractices()) {
    for (;;) {
      const n = await access.run(systemActor(practice.id), (tx) => sealPending(tx.client, practice.id));
      sealed += n;
      if (n < 2000) break;
    }
  }
  return sealed;
}

export function sealAuditJob(access: AccessLayer): Job {
  return {
    name: 'seal-audit',
    intervalMs: 1000,
    async run() {
      await sealAllPractices(access);
    },
  };
}
