import type { ReflectionOutcome, ReflectionReason } from '@undercurrent/clinical';

/** Words of "Is this right for me?" (en-GB). The logic is @undercurrent/clinical's reflect(). */
export const reflectionStrings = {
  title: 'Is this right for me?',
  lead: 'Six short questions to help you think about whether psychodynamic therapy might suit you. This is not an assessment or a diagnosis, and there are no wrong answers.',
  privacy: 'Your answers stay in this browser. Nothing you choose here is sent to the practice or stored anywhere.',
  submit: 'See what might suit me',
  again: 'Start again',
  incomplete: 'Please answer every question; the first one still to answer is marked.',
  required: 'Choose one answer.',
  resultHeading: 'What might suit you',
  whyHeading: 'Why we say this',
  alsoHeading: 'Also worth knowing',
  nextHeading: 'What you could do next',
  nextTherapists: 'Read about our therapists',
  nextContact:
    'Or get in touch using the details below: a first consultation is a chance to talk it through with someone, with no obligation.',
  urgentNow: 'Please get help now',
  urgentLead:
    'Thank you for saying so. Therapy is not the right first step while you are in danger: please talk to someone today.',
  questions: {
    safety: {
      legend: 'Right now, are you thinking about harming yourself or ending your life, or are you in danger?',
      options: { yes: 'Yes', unsure: 'I’m not sure', no: 'No' },
    },
    curiosity: {
      legend: 'How curious are you about why you feel, react or choose as you do?',
      options: { very: 'Very curious', somewhat: 'Somewhat', not_really: 'Not really' },
    },
    patterns: {
      legend:
        'Do the same patterns keep coming back in your relationships (with partners, friends, family or at work)?',
      options: { often: 'Often', sometimes: 'Sometimes', rarely: 'Rarely' },
    },
    wish: {
      legend: 'What would you most like from therapy?',
      options: {
        understand: 'To understand myself more deeply',
        skills: 'Practical skills to manage how I feel',
        specific_fear: 'Help with one specific fear (such as flying, spiders or needles)',
        couple: 'Help for me and my partner together',
        not_sure: 'I’m not sure yet',
      },
    },
    time: {
      legend: 'How long could you give to therapy?',
      options: { weeks: 'A few weeks', months: 'A few months', open_ended: 'As long as it takes, a year or more' },
    },
    frequency: {
      legend: 'How often could you come?',
      options: {
        twice_or_more: 'Twice a week or more',
        weekly: 'Once a week',
        less_than_weekly: 'Less than once a week',
      },
    },
  },
  outcomes: {
    urgent_help_first: {
      headline: 'Urgent help first',
      body: 'When you may be in danger, the first step is to talk to someone now — not to wait for therapy to begin. The people listed here can help today, at any hour.',
    },
    psychodynamic_may_suit: {
      headline: 'Psychodynamic therapy may suit you',
      body: 'Your answers suggest you would like to understand what lies beneath how you feel, and that you could give the work time. That is what psychodynamic therapy offers: regular sessions at the same time each week, in which you and your therapist slowly make sense of patterns together.',
    },
    brief_psychodynamic_may_suit: {
      headline: 'A brief psychodynamic therapy may suit you',
      body: 'You seem drawn to understanding yourself, with less time or fewer sessions to give. A time-limited psychodynamic therapy — often around 16 to 20 weekly sessions — focuses on one central pattern, usually in your relationships, and can be a good fit.',
    },
    cbt_may_suit: {
      headline: 'Another approach, such as CBT, may suit you better',
      body: 'Cognitive behavioural therapy (CBT) is structured, practical and focused on the present, and it works well for a specific fear or when you mainly want skills to manage how you feel. Your GP or NHS Talking Therapies can refer you, and in England you can refer yourself.',
    },
    couples_work_may_suit: {
      headline: 'Couples therapy may be the better step',
      body: 'When the wish is to work on a relationship together, couples therapy sees both of you at once. Individual therapy works with one person’s side; it is worth asking whether a couples therapist is what you are looking for.',
    },
    consultation_to_decide: {
      headline: 'A first consultation could help you decide',
      body: 'Your answers are mixed, which is common. A single consultation with a therapist — with no obligation to continue — is a good way to find out whether this approach, or another, fits what you are looking for.',
    },
  } satisfies Record<ReflectionOutcome, { headline: string; body: string }>,
  reasons: {
    current_risk: 'You said you are thinking of harming yourself or are in danger now.',
    unsure_about_safety: 'You are not sure whether you are safe right now.',
    curious_about_why: 'You are curious about why you feel and act as you do.',
    patterns_repeat: 'You notice patterns repeating in your relationships.',
    wants_depth: 'You would like to understand yourself more deeply.',
    wants_skills: 'You would like practical skills.',
    specific_fear: 'You would like help with one specific fear, which CBT treats well, often in a few sessions.',
    relationship_together: 'You would like help for you and your partner together.',
    time_for_open_ended: 'You could give the work as long as it takes.',
    time_is_short: 'You have a few weeks rather than months.',
    less_than_weekly: 'You could come less than once a week; psychodynamic work usually needs weekly sessions.',
    mixed_answers: 'Your answers point in different directions.',
  } satisfies Record<ReflectionReason, string>,
  alsoConsider: {
    urgent_help_first: '',
    psychodynamic_may_suit: 'Open-ended psychodynamic therapy, if you find you want more time later.',
    brief_psychodynamic_may_suit: 'A brief psychodynamic therapy.',
    cbt_may_suit: 'CBT, if what you most want is practical skills.',
    couples_work_may_suit: 'Couples therapy.',
    consultation_to_decide: 'A first consultation, to talk through which approach would help.',
  } satisfies Record<ReflectionOutcome, string>,
};
