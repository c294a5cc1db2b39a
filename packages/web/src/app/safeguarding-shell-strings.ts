/** en-GB words of the safeguarding parts of the client shell (main chunk). */
export const safeguardingShellStrings = {
  mySafetyPlan: 'My safety plan',
  alerts: 'Alerts',
  settings: 'Safeguarding',
  alertsWithCount: (n: number) => `Alerts (${n} open)`,
  panel: {
    heading: 'Help is here if you need it',
    lead: 'What you wrote sounds hard. If you feel you might act on these thoughts, please reach out now — you do not have to wait.',
    therapistTold: 'Your therapist has been told, as your practice’s policy says, and will be in touch.',
    inviteToTell:
      'Your therapist has not been told. You could share this entry with them, or tell them at your next session — it can help to talk it through.',
    more: 'All the ways to get help',
    safetyPlan: 'Open my safety plan',
    close: 'Close this message',
  },
};
