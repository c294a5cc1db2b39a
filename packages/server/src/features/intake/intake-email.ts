import type { EmailInput } from '../../mail/enqueue-email.js';

/**
 * The e-mails an intake sends. Never any of what the person wrote: an inbox is not a safe place for
 * it. The person gets their link; the practice, for an urgent risk answer, only that there is one.
 */
export function intakeReceivedEmail(input: { to: string; practiceName: string; link: string }): EmailInput {
  return {
    kind: 'intake_received',
    to: input.to,
    subject: `Your enquiry to ${input.practiceName}`,
    text: [
      'Hello,',
      '',
      `Thank you for getting in touch with ${input.practiceName}. Your enquiry has reached us.`,
      '',
      'You can come back to it at any time — to see which therapists might suit you, to ask for a free first',
      'consultation, and to read our replies — through this private link:',
      input.link,
      '',
      'Please keep the link to yourself: anyone who has it can see your enquiry. It works for 60 days.',
      '',
      'If you are in crisis, please do not wait for us: call 999, go to A&E, call NHS 111 (option 2 for',
      'mental health), or call Samaritans free on 116 123, day or night.',
      '',
      'With warm wishes,',
      input.practiceName,
      '',
    ].join('\n'),
  };
}

export function sameDayReviewEmail(input: { to: string; practiceName: string; queueLink: string }): EmailInput {
  return {
    kind: 'intake_same_day_review',
    to: input.to,
    subject: 'An enquiry needs review today',
    text: [
      `A new enquiry to ${input.practiceName} answered the risk question in a way that needs review today.`,
      'The person has been shown crisis resources. Please sign in to read it:',
      input.queueLink,
      '',
      'This e-mail holds none of what the person wrote.',
      '',
    ].join('\n'),
  };
}

export function intakeAnsweredEmail(input: { to: string; practiceName: string }): EmailInput {
  return {
    kind: 'intake_answered',
    to: input.to,
    subject: `A reply to your enquiry to ${input.practiceName}`,
    text: [
      'Hello,',
      '',
      `${input.practiceName} has replied to your enquiry. You can read the reply through the private link in`,
      'the first e-mail we sent you (we do not keep a copy of it, so it cannot be sent again here).',
      '',
      'With warm wishes,',
      input.practiceName,
      '',
    ].join('\n'),
  };
}
