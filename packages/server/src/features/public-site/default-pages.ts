import type { PageSlug } from './public-site-schemas.js';

/**
 * The text each public page starts with, until the practice's admin saves its own. Written for any
 * practice (its name is put in) in plain, calm words; the admin is expected to read every page,
 * change what is not true of their practice, and only then publish it. A page never saved is not
 * published: nothing goes public that the practice has not looked at.
 */
export interface DefaultPage {
  title: string;
  body: string;
}

export function defaultPages(practiceName: string, slug: string): Record<PageSlug, DefaultPage> {
  const base = `/p/${slug}`;
  return {
    home: {
      title: practiceName,
      body: [
        `${practiceName} is a small practice offering psychodynamic psychotherapy: a talking therapy that takes time to understand how you came to feel and live as you do, so that you have more choice about it.`,
        '',
        'You do not need to know exactly what is wrong, or to have the right words for it, before you contact us. Many people begin with little more than a sense that something keeps happening and they would like to understand why.',
        '',
        '## Where to start',
        `- [What psychodynamic therapy is](${base}/therapy), and how it differs from other therapies`,
        `- [Our therapists](${base}/therapists), what they work with and when they have space`,
        `- [Fees](${base}/fees), [how to find us](${base}/practice) and [accessibility](${base}/accessibility)`,
        '',
        `If you are not sure whether this kind of therapy is for you, the short reflection [Is this right for me?](${base}/is-this-right-for-me) may help you think it through. It stays on your device: nothing you choose is sent to us.`,
        '',
        'We are not an emergency service. If you are in danger or thinking of ending your life, please use the [crisis help page](/help) now.',
      ].join('\n'),
    },
    therapy: {
      title: 'What psychodynamic therapy is',
      body: [
        'Psychodynamic therapy starts from a simple observation: much of what moves us happens outside our awareness. We find ourselves reacting more strongly than a moment seems to deserve, choosing the same kind of partner, or backing away just when things go well — and we cannot quite say why.',
        '',
        '## Patterns we do not see',
        'Feelings that were too much to bear at some point in life do not disappear. They tend to go underground and shape how we protect ourselves. The therapy is a way of noticing these patterns together, slowly, until they make sense and loosen their grip.',
        '',
        '## The past in the present',
        'Early relationships leave us with expectations of what other people will do and what we must do to be safe or loved. These expectations can still be at work now, in friendships, at work and in love. The aim is not to blame the past but to see where it is still being lived.',
        '',
        '## How a session works',
        '- **Free association.** You are invited to say whatever comes to mind, even if it seems trivial, embarrassing or beside the point. What seems beside the point often turns out to matter.',
        '- **Dreams.** Dreams, daydreams and fantasies are welcome. They are another way the mind speaks, and you and your therapist can wonder about them together.',
        '- **The relationship with your therapist.** Old feelings often come alive in the room — feeling judged, wanting approval, fearing being left. Because it happens here and now, it can be talked about safely and understood.',
        '',
        '## How long and how often',
        'Sessions last 50 minutes, at the same time and place each week, which gives the work a steady frame. Some people come once a week, some more often. A brief form of the therapy lasts around 16 to 20 sessions and focuses on one central difficulty; open-ended therapy often lasts a year or more, and you decide together when to end.',
        '',
        '## How it differs from CBT',
        'Cognitive behavioural therapy (CBT) is structured and focused on the present: it teaches skills to change unhelpful thoughts and behaviours, often over a set number of sessions with exercises between them. It works well for many problems, particularly a specific phobia. Psychodynamic therapy is less structured and looks for the roots of a difficulty, including in the past and in relationships. Neither is better for everyone; they suit different people and different wishes.',
        '',
        '## Confidentiality and its limits',
        'What you say in therapy stays between you and your therapist. Therapists discuss their work in clinical supervision, without anything that identifies you. There are rare limits: if we believe you or someone else, especially a child, is at serious risk of harm, we may need to share information to keep people safe, and the law can require disclosure in a few situations. Where we can, we will talk with you first.',
        '',
        '## At your own pace',
        'You will never be made to talk about anything before you are ready. You decide what to bring and when; your therapist will not push you into memories or subjects you want to leave for now. Saying "not yet" is part of the work, not a failure of it.',
      ].join('\n'),
    },
    practice: {
      title: 'The practice and how to find us',
      body: [
        `${practiceName} offers psychodynamic psychotherapy for adults, in person and online.`,
        '',
        '## Getting here',
        'Our address and how to contact us are shown at the foot of every page. Please tell us if you would like directions, or details of public transport and parking nearby.',
        '',
        '## Getting in touch',
        'Write or call to ask about a first consultation. We reply within two working days. We do not answer messages in the evening or at weekends, and we cannot respond to emergencies.',
        '',
        '## The first meeting',
        'A first consultation is a chance for you and a therapist to meet, talk about what has brought you, and decide together whether working with each other makes sense. There is no obligation to continue.',
      ].join('\n'),
    },
    fees: {
      title: 'Fees',
      body: [
        'Each therapist sets their own fee, which is shown on their profile. The first consultation is charged at the same rate as a session unless the profile says otherwise.',
        '',
        '## Lower-cost places',
        'We keep a small number of reduced-fee places for people on a low income, students and those receiving benefits. Please ask: you will not be asked to prove anything at the first meeting.',
        '',
        '## Missed and cancelled sessions',
        'Your session time is held for you each week. The arrangement for sessions you cannot attend, and for breaks and holidays, is agreed with your therapist before you begin and written down, so nothing comes as a surprise.',
      ].join('\n'),
    },
    accessibility: {
      title: 'Accessibility',
      body: [
        'We want everyone to be able to reach us and to feel comfortable once here.',
        '',
        '## The building',
        'Please ask us about step-free access, lifts, toilets and seating before your first visit. If our rooms do not suit you, online sessions are available with most of our therapists.',
        '',
        '## Communication',
        '- Tell us if you would like information in another format, such as large print.',
        '- You can contact us by e-mail if the telephone is difficult for you.',
        '- Sessions can be in languages other than English with some therapists; their profiles say which.',
        '',
        '## This website',
        'This site is built to work with screen readers, keyboard navigation, text enlargement and high-contrast settings, and is tested against the WCAG 2.2 AA guidelines. If anything is hard to use, please tell us and we will fix it.',
      ].join('\n'),
    },
    privacy: {
      title: 'Privacy notice',
      body: [
        `${practiceName} is the controller of the personal information we hold about you under the UK General Data Protection Regulation (UK GDPR) and the Data Protection Act 2018.`,
        '',
        '## What we keep',
        '- Your name and contact details, and those of your GP if you give them.',
        '- Appointment times, attendance and payments.',
        '- Brief clinical notes of sessions, and anything you choose to share with your therapist through this site.',
        '',
        'Information about your health is special category data. We process it because it is needed to provide health care (Article 9(2)(h) UK GDPR), under a duty of confidentiality. Contact and billing details are processed to carry out our agreement with you.',
        '',
        '## What we do not do',
        'We do not sell or share your information for marketing, and this site uses no tracking or advertising cookies. The reflection "Is this right for me?" runs on your device and sends nothing to us.',
        '',
        '## How long we keep it',
        'Clinical records are kept for seven years after therapy ends (longer for anyone seen as a child), then securely destroyed. Records are encrypted and access to them is logged.',
        '',
        '## Your rights',
        '- To see the information we hold about you (a subject access request), free of charge, within one month.',
        '- To have inaccurate information corrected.',
        '- To ask us to restrict or stop using your information, or to delete it, where the law allows.',
        '- To complain to the Information Commissioner’s Office at [ico.org.uk](https://ico.org.uk) or on 0303 123 1113.',
        '',
        'To make a request or ask a question, contact us using the details at the foot of this page.',
      ].join('\n'),
    },
  };
}
