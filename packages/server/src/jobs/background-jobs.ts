import type { AppContext } from '../context.js';
import type { Job } from './runner.js';
import { sealAuditJob } from './seal-audit.js';

/** The jobs every app node runs. */
export function backgroundJobs(ctx: AppContext): Job[] {
  return [sealAuditJob(ctx.access)];
}
