import type { AppContext } from '../context.js';
import { deliverOutboxJob } from './deliver-outbox.js';
import type { Job } from './runner.js';
import { sealAuditJob } from './seal-audit.js';

/** The jobs every app node runs. */
export function backgroundJobs(ctx: AppContext): Job[] {
  const outbox = deliverOutboxJob(ctx);
  return [sealAuditJob(ctx.access), ...(outbox ? [outbox] : [])];
}
