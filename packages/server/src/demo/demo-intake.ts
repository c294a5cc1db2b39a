import type { Scoped } from '../access/access-layer.js';
import type { IntakePreferences } from '../features/intake/matching.js';
import type { IntakeStatus } from '../features/intake/intake-schemas.js';
import { newIntakeToken } from '../features/intake/intake-token.js';
import { therapistFreeSlots } from '../features/intake/free-slots-record.js';

/**
 * Demo enquiries in different states (issue 8, part 8): one flagged for same-day review, one new,
 * one asking Nia Jones for a first consultation at her first free evening (for the practice to
 * accept), one on the waiting list and one referred on with a message. Invented people; nobody's words. Their
 * links are never shown (only the hashes are kept), as for any real enquiry. Seeded once.
 */
interface DemoIntake {
  name: string;
  email: string;
  status: IntakeStatus;
  urgent: boolean;
  hoursAgo: number;
  brings: string;
  previous: string;
  preferences: IntakePreferences;
  message?: string;
  /** The therapist (demo key) asked for a first consultation, at their first free time. */
  requests?: string;
}

const ANY: IntakePreferences = {
  formats: ['online'],
  days: [],
  parts: ['evening'],
  language: null,
  therapistGender: null,
  feeMaxPence: 8000,
  topics: [],
};

const DEMO_INTAKES: DemoIntake[] = [
  {
    name: 'Robin Ash',
    email: 'robin.ash@example.com',
    status: 'same_day_review',
    urgent: true,
    hoursAgo: 1,
    brings: 'Things have got very dark in the last week and I do not feel safe on my own at night.',
    previous: '',
    preferences: ANY,
  },
  {
    name: 'Priya Lane',
    email: 'priya.lane@example.com',
    status: 'new',
    urgent: false,
    hoursAgo: 20,
    brings: 'I keep ending up in the same argument with people close to me and I want to understand why.',
    previous: 'A year of counselling in my twenties.',
    preferences: { ...ANY, topics: ['Relationships'] },
  },
  {
    name: 'Alex Morgan',
    email: 'alex.morgan@example.com',
    status: 'requested',
    urgent: false,
    hoursAgo: 30,
    brings:
      'I moved back to Wales last year and feel oddly homesick for a place I am living in. I want to understand it.',
    previous: '',
    preferences: { ...ANY, days: [2, 4], language: 'Welsh', topics: ['Identity'] },
    requests: 'nia.jones',
  },
  {
    name: 'Tom Hale',
    email: 'tom.hale@example.com',
    status: 'waiting_list',
    urgent: false,
    hoursAgo: 24 * 9,
    brings: 'Since my mother died I have felt flat, and work has stopped meaning anything.',
    previous: '',
    preferences: { ...ANY, days: [1], parts: ['morning'], topics: ['Loss'] },
  },
  {
    name: 'Jo Marsh',
    email: 'jo.marsh@example.com',
    status: 'referred_on',
    urgent: false,
    hoursAgo: 24 * 16,
    brings: 'I would like help with my eating, which has become hard to manage.',
    previous: 'Some CBT through my GP.',
    preferences: { ...ANY, topics: ['Eating'] },
    message:
      'Thank you for writing to us. We think a specialist eating disorders service would serve you best, and we have written out how to ask your GP for a referral below.',
  },
];

export async function seedDemoIntakes(tx: Scoped, userIds: Record<string, string> = {}): Promise<{ intakes: number }> {
  const existing = await tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM intakes WHERE source = 'demo'`);
  if ((existing.rows[0]?.n ?? 0) > 0) return { intakes: 0 };
  for (const intake of DEMO_INTAKES) {
    const id = (await tx.query<{ id: string }>('SELECT gen_random_uuid() AS id')).rows[0]?.id ?? '';
    const seal = (column: string, text: string) => tx.encrypt('clinical', `intakes.${column}:${id}`, text);
    const token = newIntakeToken(tx.actor.practiceId);
    const created = new Date(Date.now() - intake.hoursAgo * 3_600_000);
    const therapistId = intake.requests ? userIds[intake.requests] : undefined;
    const slot = therapistId ? (await therapistFreeSlots(tx, therapistId))[0] : undefined;
    const requested = therapistId && slot ? { therapistId, slot } : null;
    await tx.query(
      `INSERT INTO intakes (id, practice_id, created_at, source, status, name_enc, email, brings_enc,
         previous_therapy_enc, preferences, urgent_risk, consent_at, consent_notice, token_hash, token_expires_at,
         message_enc, decided_at, requested_therapist_id, requested_start)
       VALUES ($1, $2, $3, 'demo', $4, $5, $6, $7, $8, $9, $10, $3, 'privacy page', $11, $12, $13, $14, $15, $16)`,
      [
        id,
        tx.actor.practiceId,
        created,
        intake.requests && !requested ? 'new' : intake.status,
        await seal('name_enc', intake.name),
        intake.email,
        await seal('brings_enc', intake.brings),
        intake.previous ? await seal('previous_therapy_enc', intake.previous) : null,
        JSON.stringify(intake.preferences),
        intake.urgent,
        token.hash,
        token.expiresAt,
        intake.message ? await seal('message_enc', intake.message) : null,
        intake.message ? created : null,
        requested?.therapistId ?? null,
        requested?.slot ?? null,
      ],
    );
  }
  return { intakes: DEMO_INTAKES.length };
}
