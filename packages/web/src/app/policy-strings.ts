/** en-GB words of the client's safeguarding policy step (main chunk: it stands in front of every client page). */
export const policyStrings = {
  title: 'Before you start: keeping you safe',
  lead: 'Your practice’s written policy, in plain words. Please read it, then tell us you agree.',
  updated: (version: number) =>
    `Your practice has updated this policy (now version ${version}) since you last agreed to it. Please read it again.`,
  policyHeading: 'The policy',
  version: (version: number) => `Version ${version}`,
  worryingHeading: 'If you write something worrying',
  worrying: {
    helpAtOnce:
      'If something you write in your journal, or answer in a questionnaire, suggests you might be at risk, we show you where to get help straight away.',
    sharedOrQuestionnaire:
      'If it is in an entry you shared, or in a questionnaire answer, your therapist is told at once, in the app and by an e-mail that does not contain your words.',
    privateNever: 'If it is in a private entry, your therapist is not told. We invite you to tell them yourself.',
    privateAlways:
      'If it is in a private entry, your therapist is told that something worrying was written — not your words, which stay private.',
    escalation: (after: string) =>
      `If your therapist has not seen the alert within ${after}, the practice’s clinical lead is told, so that someone always responds.`,
  },
  hours: (minutes: number) =>
    minutes % 60 === 0 ? `${minutes / 60} hour${minutes === 60 ? '' : 's'}` : `${minutes} minutes`,
  crisisHeading: 'If you need help now',
  crisisLead:
    'You do not need to agree to anything to use these. They are always one tap away, under “Need help now?”.',
  agree: 'I have read and agree',
  agreeing: 'Recording your agreement…',
  safetyPlan: 'Open my safety plan',
};
