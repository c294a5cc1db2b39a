import type { AppContext } from '../context.js';
import { deliverAllPractices } from '../mail/outbox-delivery.js';
import { smtpSender, type MailSender } from '../mail/smtp-sender.js';
import type { Job } from './runner.js';

/** Sends due outbox messages every few seconds when SMTP_URL is set (without it, e-mails stay 'held'). */
export function deliverOutboxJob(ctx: AppContext, sender?: MailSender): Job | undefined {
  const smtpUrl = ctx.config.smtpUrl;
  if (!smtpUrl) return undefined;
  const mail = sender ?? smtpSender(smtpUrl, ctx.config.mailFrom);
  return {
    name: 'deliver-outbox',
    intervalMs: 5000,
    async run() {
      await deliverAllPractices(ctx.access, mail);
    },
  };
}
