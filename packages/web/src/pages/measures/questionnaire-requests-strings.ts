import type { Timing } from './questionnaire-requests-api';

/** The words of the questionnaire schedule and requests on a client's Measures page (en-GB). */
export const requestsStrings = {
  heading: 'Questionnaires for the client to complete',
  lead: 'The client fills these in on their portal, one question per screen. They get one e-mail saying only that “a short questionnaire” is waiting.',
  sendHeading: 'Send one now',
  instrument: 'Questionnaire',
  send: 'Send now',
  sent: (name: string) => `Sent ${name}. It is open for 7 days.`,
  scheduleHeading: 'Schedule for this episode',
  scheduleLead:
    'Before a session, a request opens 48 hours ahead and closes when the session starts. At ending it opens a week before the ending date; at follow-up it stays open for 14 days.',
  noEpisode: 'There is no episode running with this client: a schedule belongs to an episode.',
  noSchedule: 'Nothing scheduled.',
  timing: 'When',
  everyN: 'Every how many sessions',
  monthsAfter: 'Months after ending',
  add: 'Add to schedule',
  added: 'Added to the schedule.',
  stop: 'Stop',
  stopLabel: (name: string, when: string) => `Stop ${name} ${when}`,
  stopped: 'Schedule stopped.',
  timings: {
    every_session: 'Before every session',
    every_n_sessions: 'Every few sessions',
    reviews: 'At reviews',
    ending: 'At ending',
    follow_up: 'At follow-up after ending',
  } satisfies Record<Timing, string>,
  timingText: (timing: Timing, everyN: number | null, monthsAfter: number | null) => {
    if (timing === 'every_n_sessions') return `before the first session, then every ${everyN ?? '?'} sessions`;
    if (timing === 'follow_up') return `${monthsAfter ?? '?'} months after ending`;
    return requestsStrings.timings[timing].toLowerCase();
  },
  requestsHeading: 'Requests',
  noRequests: 'No questionnaire has been sent yet.',
  status: { open: 'Open', completed: 'Completed', expired: 'Expired' },
  openUntil: (when: string) => `Open until ${when}`,
  forSession: (when: string) => `Session on ${when}`,
  sentNow: 'Sent by hand',
  fromSchedule: 'From the schedule',
  completedOn: (when: string) => `Completed ${when}`,
};
