import nodemailer from 'nodemailer';

/**
 * Sends one message over SMTP (nodemailer, SMTP_URL). A failure is classified: a 5xx refusal of the
 * envelope or message is permanent (retrying will not help); anything else — a connection problem, a
 * timeout, a 4xx "try later", an authentication problem the operator can fix — is worth retrying.
 */
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  /** Stable across retries, so a receiving server can spot a duplicate. */
  messageId: string;
}

export interface MailSender {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

export interface DeliveryFailure {
  permanent: boolean;
  /** Short, for the outbox screen: what went wrong, never the message body. */
  summary: string;
}

export function smtpSender(smtpUrl: string, from: string): MailSender {
  const transport = nodemailer.createTransport(
    {
      url: smtpUrl,
      connectionTimeout: 15_000,
      greetingTimeout: 15_000,
      socketTimeout: 30_000,
    },
    { from },
  );
  return {
    async send(mail) {
      await transport.sendMail({
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        messageId: mail.messageId,
        headers: { 'Auto-Submitted': 'auto-generated' },
      });
    },
    close() {
      transport.close();
    },
  };
}

function oneLine(text: string, max = 300): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

export function classifyFailure(error: unknown): DeliveryFailure {
  const e = (error ?? {}) as { code?: unknown; responseCode?: unknown; response?: unknown; message?: unknown };
  const code = typeof e.code === 'string' ? e.code : undefined;
  const responseCode = typeof e.responseCode === 'number' ? e.responseCode : undefined;
  const reply = typeof e.response === 'string' ? oneLine(e.response) : undefined;
  const message = typeof e.message === 'string' ? oneLine(e.message) : 'unknown error';
  if (responseCode !== undefined && responseCode >= 500 && (code === 'EENVELOPE' || code === 'EMESSAGE')) {
    return { permanent: true, summary: `The mail server refused this message: ${reply ?? message}` };
  }
  if (responseCode !== undefined && responseCode >= 400) {
    return {
      permanent: false,
      summary: `The mail server did not accept the message (${code ?? 'SMTP'} ${reply ?? message}); it will be tried again.`,
    };
  }
  if (code === 'ECONNECTION' || code === 'ETIMEDOUT' || code === 'ESOCKET' || code === 'EDNS') {
    return {
      permanent: false,
      summary: `Could not reach the mail server (${code}: ${message}); it will be tried again.`,
    };
  }
  return { permanent: false, summary: `Sending failed (${code ?? 'error'}: ${message}); it will be tried again.` };
}
