import type { AppContext } from '../context.js';
import { DEFAULT_POLICY } from '../frame/frame-types.js';
import type { IntakeSubmission } from '../features/intake/intake-schemas.js';
import { scopedQuery } from './fixtures.js';
import { publicWorld, READY_PROFILE } from './public-site-fixtures.js';

/** A practice whose therapist is in the directory and works 09:00–17:00 every day of the week. */
export async function intakeWorld(ctx: AppContext) {
  const world = await publicWorld(ctx);
  const therapistId = world.people.therapist.userId;
  const hours = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '09:00', end: '17:00' }));
  await scopedQuery(
    ctx,
    world.practiceId,
    `INSERT INTO therapist_settings (practice_id, therapist_id, policy, working_hours) VALUES ($1, $2, $3, $4)`,
    [world.practiceId, therapistId, JSON.stringify(DEFAULT_POLICY), JSON.stringify(hours)],
  );
  await scopedQuery(
    ctx,
    world.practiceId,
    `INSERT INTO therapist_profiles (practice_id, therapist_id, draft, published, published_at)
     VALUES ($1, $2, $3, $3, now())`,
    [world.practiceId, therapistId, JSON.stringify(READY_PROFILE)],
  );
  return { ...world, therapistId };
}

/** A complete, valid intake form as a person would send it. */
export function intakeForm(over: Partial<IntakeSubmission> = {}): IntakeSubmission {
  return {
    name: 'Sam Rivers',
    email: 'sam@example.com',
    brings: 'I keep losing sleep since my father died, and I would like to understand it.',
    previousTherapy: 'Six sessions of counselling at university.',
    preferences: {
      formats: ['online'],
      days: [],
      parts: [],
      language: 'Welsh',
      therapistGender: null,
      feeMaxPence: 8000,
      topics: ['Loss'],
    },
    risk: 'no',
    consent: true,
    website: '',
    fillMs: 60_000,
    ...over,
  };
}
