import type { AppContext } from '../context.js';
import { deleteOldEnquiriesJob } from './delete-old-enquiries.js';
import { deliverOutboxJob } from './deliver-outbox.js';
import { extendFrameJob } from './extend-frame.js';
import { questionnaireRequestsJob } from './make-questionnaire-requests.js';
import type { Job } from './runner.js';
import { safeguardingAlertsJob } from './safeguarding-alerts.js';
import { sealAuditJob } from './seal-audit.js';
import { sendRemindersJob } from './send-reminders.js';

/** The jobs every app node runs. */
export function backgroundJobs(ctx: AppContext): Job[] {
  const outbox = deliverOutboxJob(ctx);
  return [
    sealAuditJob(ctx.access),
    extendFrameJob(ctx),
    sendRemindersJob(ctx),
    questionnaireRequestsJob(ctx),
    safeguardingAlertsJob(ctx),
    deleteOldEnquiriesJob(ctx),
    ...(outbox ? [outbox] : []),
  ];
}
