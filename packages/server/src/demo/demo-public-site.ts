import type { Scoped } from '../access/access-layer.js';
import { DEFAULT_POLICY } from '../frame/frame-types.js';
import { saveContact } from '../features/public-site/contact-record.js';
import { loadPages, savePage } from '../features/public-site/pages-record.js';
import { EMPTY_PROFILE, type ProfileContent } from '../features/public-site/public-site-schemas.js';
import { saveSettings } from '../features/frame/settings-record.js';

/**
 * The demo practice's public side: its contact details, every page published (the default text with
 * the practice's own address and directions), and the three therapists' profiles published — Ruth
 * and Tom, whose availability follows from the frame the demo gives them, and Nia Jones, who works
 * two evenings a week and has no clients yet, so her profile says so.
 *
 * Written as the system. Idempotent: a practice that already has public pages is left alone.
 */
export interface DemoPublicSiteSummary {
  pages: number;
  profiles: number;
}

const CONTACT = {
  email: 'hello@northside-demo.example',
  phone: '020 7946 0321',
  address: 'Northside House, 4 Alder Lane, London N4 2AA',
};

const PRACTICE_PAGE = [
  'Northside Psychotherapy is a small group of psychodynamic psychotherapists seeing adults in north London and online.',
  '',
  '## Getting here',
  'We are at Northside House, 4 Alder Lane, on the ground and first floors. The nearest station is Finsbury Park (Victoria and Piccadilly lines, and trains), an eight-minute walk; the 29 and 253 buses stop on Alder Road. There is pay-and-display parking in the streets around, and a bicycle rack by the door.',
  '',
  '## Getting in touch',
  'E-mail or call us to ask about a first consultation. We reply within two working days, and we do not answer messages in the evening or at weekends. We are not an emergency service.',
  '',
  '## The first meeting',
  'A first consultation is a chance for you and a therapist to meet, talk about what has brought you, and decide together whether working together makes sense. There is no obligation to continue.',
].join('\n');

const PROFILES: Record<string, ProfileContent> = {
  'ruth.mensah': {
    ...EMPTY_PROFILE,
    approach:
      'I am a psychoanalytic psychotherapist. I work with adults who find themselves caught in the same painful places — in relationships, at work, in how they treat themselves — and want to understand why. I offer open-ended therapy, once or twice a week.',
    training:
      'Doctorate in Clinical Psychology; four-year training in psychoanalytic psychotherapy at a BPC member institution.',
    registrations: [
      { body: 'BPC', number: 'BPC-20417' },
      { body: 'HCPC', number: 'PYL 31870' },
    ],
    specialisms: ['Depression', 'Relationship difficulties', 'Bereavement', 'Early loss'],
    languages: ['English', 'Twi'],
    formats: ['in_person', 'online'],
    feePence: 7000,
    concessions: 'One reduced-fee place, when it is free.',
    gender: 'woman',
  },
  'tom.adeyemi': {
    ...EMPTY_PROFILE,
    approach:
      'I work psychodynamically, both open-ended and in a brief form of around sixteen sessions (dynamic interpersonal therapy) that focuses on one repeating pattern in your relationships. Many of the people I see come with anxiety or low mood that has not shifted with other help.',
    training: 'MA in Psychodynamic Psychotherapy; DIT practitioner training.',
    registrations: [{ body: 'UKCP', number: 'UKCP-2011-0458' }],
    specialisms: ['Anxiety', 'Low mood', 'Work stress', 'Men’s mental health'],
    languages: ['English', 'Yoruba'],
    formats: ['in_person'],
    feePence: 6500,
    concessions: 'Reduced fees for students and people on benefits.',
    gender: 'man',
  },
  'nia.jones': {
    ...EMPTY_PROFILE,
    approach:
      'I offer psychodynamic counselling and psychotherapy online, in English or Welsh, in the evenings. I am interested in how our first relationships shape the ones we make now, and I go at the pace you set.',
    training: 'Postgraduate Diploma in Psychodynamic Counselling; MA in Psychoanalytic Studies.',
    registrations: [{ body: 'BACP', number: 'BACP 00381265' }],
    specialisms: ['Self-esteem', 'Family relationships', 'Identity', 'Life transitions'],
    languages: ['English', 'Welsh'],
    formats: ['online'],
    feePence: 5500,
    concessions: 'Sliding scale from £35.',
    availabilityNote: 'Daytime sessions are not possible.',
    gender: 'woman',
  },
};

export async function seedDemoPublicSite(tx: Scoped, userIds: Record<string, string>): Promise<DemoPublicSiteSummary> {
  const existing = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM public_pages');
  if ((existing.rows[0]?.n ?? 0) === 0) {
    await saveContact(tx, CONTACT, null);
    for (const page of await loadPages(tx)) {
      const body = page.slug === 'practice' ? PRACTICE_PAGE : page.body;
      const title = page.slug === 'home' ? 'Northside Psychotherapy' : page.title;
      await savePage(tx, page.slug, { title, body, published: true }, null);
    }
    const nia = userIds['nia.jones'];
    if (nia) {
      const evenings = [2, 4].map((weekday) => ({ weekday, start: '17:00', end: '21:00' }));
      await saveSettings(tx, nia, {
        timeZone: 'Europe/London',
        sessionMinutes: 50,
        minGapMinutes: 10,
        workingHours: evenings,
        fees: { consultation: 5500, assessment: 5500, session: 5500, review: 5500 },
        policy: DEFAULT_POLICY,
        reminderLeadHours: 24,
        feedShowsClientNames: false,
      });
    }
    for (const [key, content] of Object.entries(PROFILES)) {
      const id = userIds[key];
      if (!id) continue;
      await tx.query(
        `INSERT INTO therapist_profiles (practice_id, therapist_id, draft, published, published_at)
         VALUES (app_practice_id(), $1, $2::jsonb, $2::jsonb, now())
         ON CONFLICT (practice_id, therapist_id) DO NOTHING`,
        [id, JSON.stringify(content)],
      );
    }
  }
  const pages = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM public_pages WHERE published');
  const profiles = await tx.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM therapist_profiles WHERE published IS NOT NULL',
  );
  return { pages: pages.rows[0]?.n ?? 0, profiles: profiles.rows[0]?.n ?? 0 };
}
