/** The words of the client's questionnaire pages (en-GB). */
export const questionnairesStrings = {
  list: {
    title: 'Questionnaires',
    lead: 'Short questionnaires your therapist has asked you to fill in. Your answers are saved as you go, so you can stop and come back.',
    empty: 'There is nothing to fill in at the moment.',
    beforeSession: (when: string) => `Before your session on ${when}`,
    closes: (when: string) => `Open until ${when}`,
    progress: (answered: number, total: number) =>
      answered === 0 ? `${total} questions` : `${answered} of ${total} answered`,
    start: 'Start',
    resume: 'Continue',
    startLabel: (name: string) => `Start ${name}`,
    resumeLabel: (name: string) => `Continue ${name}`,
  },
  complete: {
    back: 'Back',
    next: 'Next',
    backToList: 'Back to questionnaires',
    progress: (n: number, total: number) => `Question ${n} of ${total}`,
    declined: 'Prefer not to answer',
    notApplicable: (label: string) => label,
    saving: 'Saving your answer…',
    saved: 'Answer saved.',
    chooseFirst: 'Choose an answer, or “Prefer not to answer”, to go on.',
    copyright: (line: string) => line,
    closes: (when: string) => `Open until ${when}.`,
  },
  review: {
    heading: 'Check your answers',
    lead: 'You can change any answer before you send them. Once sent, they go to your therapist.',
    change: 'Change',
    changeLabel: (n: number) => `Change your answer to question ${n}`,
    noAnswer: 'Not answered yet',
    submit: 'Send my answers',
    sending: 'Sending…',
  },
  done: {
    title: 'Thank you',
    sent: 'Your answers have been sent to your therapist.',
    crisisHeading: 'If you are struggling right now',
    crisisLead:
      'You said you have had thoughts of being better off dead or of hurting yourself, or chose not to answer that question. Thank you for being honest. You do not have to wait for your next session: these people can help today, at any hour.',
    therapistSees: 'Your therapist will see your answers, and may talk with you about them.',
    moreHelp: 'More places to get help',
    loading: 'Loading who you can contact…',
  },
};
