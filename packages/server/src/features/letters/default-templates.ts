/**
 * The templates every practice starts with (added once, on its first use of letters). Short and
 * factual: no clinical content. Whatever clinical the therapist wants to say, they write in the
 * letter itself.
 */
export const DEFAULT_TEMPLATES = [
  {
    builtIn: 'gp_starting',
    name: 'To the GP: starting therapy',
    subject: 'Re: {{client.name}}',
    body: [
      'Dear {{recipient.name}},',
      'I am writing to let you know that your patient, {{client.name}}, began psychotherapy with me at {{practice.name}} on {{episode.startDate}}. We meet weekly.',
      '{{client.name}} has agreed to my writing to you. Please do get in touch if you would like to discuss their care.',
      'Yours sincerely,',
    ].join('\n\n'),
  },
  {
    builtIn: 'gp_ending',
    name: 'To the GP: ending of therapy',
    subject: 'Re: {{client.name}}',
    body: [
      'Dear {{recipient.name}},',
      'I am writing to let you know that the psychotherapy of your patient, {{client.name}}, with me at {{practice.name}} came to an end on {{episode.endDate}}. We began on {{episode.startDate}}, and {{client.name}} attended {{sessions.attendedCount}} sessions.',
      '{{client.name}} has agreed to my writing to you. Please do get in touch if you would like to discuss their care.',
      'Yours sincerely,',
    ].join('\n\n'),
  },
  {
    builtIn: 'attendance',
    name: 'Confirmation of attendance',
    subject: 'Confirmation of attendance: {{client.name}}',
    body: [
      'Dear {{recipient.name}},',
      'I confirm that {{client.name}} has been attending psychotherapy with me at {{practice.name}} since {{episode.startDate}}, and has attended {{sessions.attendedCount}} sessions to date ({{today}}).',
      'Yours sincerely,',
    ].join('\n\n'),
  },
] as const;
