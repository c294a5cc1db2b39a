import type { Role } from '../../db/schema.js';
import type { EmailInput } from '../../mail/enqueue-email.js';

/**
 * The invitation e-mail: plain text, warm, en-GB. It says who invited the person, to which practice
 * and when the link expires — and nothing clinical (an inbox is not a safe place for that).
 */
export function formatDeadline(date: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone,
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(date)
      .map((part) => [part.type, part.value]),
  );
  return `${parts.weekday} ${parts.day} ${parts.month} ${parts.year} at ${parts.hour}:${parts.minute}`;
}

const ROLE_WORDS: Record<Role, string> = {
  admin: 'an administrator',
  therapist: 'a therapist',
  supervisor: 'a supervisor',
  client: 'a client',
};

export function invitationEmail(input: {
  to: string;
  displayName: string;
  inviterName: string;
  practiceName: string;
  timeZone: string;
  role: Role;
  link: string;
  expiresAt: Date;
}): EmailInput {
  const deadline = formatDeadline(input.expiresAt, input.timeZone);
  const staff = input.role !== 'client';
  const purpose = staff
    ? `${input.inviterName} has invited you to join ${input.practiceName} on Undercurrent as ${ROLE_WORDS[input.role]}.`
    : `${input.inviterName} has invited you to your own private space at ${input.practiceName} on Undercurrent. ` +
      'It is where you can see your appointments and, if you would like to, keep notes for yourself between them. ' +
      'What you write there stays private unless you choose to share it.';
  const firstSteps = staff
    ? 'When you open it you will choose a password and then set up two-step verification ' +
      '(an authenticator app or a passkey), which keeps the practice’s records safe.'
    : 'When you open it you will choose a password, and then you are in.';
  const text = [
    `Dear ${input.displayName},`,
    '',
    purpose,
    '',
    'To accept, open this link:',
    input.link,
    '',
    firstSteps,
    '',
    `The link works once and expires on ${deadline} (${input.timeZone} time). If it has expired by the time ` +
      `you get to it, that is no trouble: ask ${input.inviterName} to send you a new one.`,
    '',
    'If you were not expecting this invitation, you can simply ignore this e-mail; nothing will happen.',
    '',
    'With warm wishes,',
    input.practiceName,
    '',
  ].join('\n');
  return {
    kind: 'invitation',
    to: input.to,
    subject: `Your invitation from ${input.practiceName}`,
    text,
  };
}
