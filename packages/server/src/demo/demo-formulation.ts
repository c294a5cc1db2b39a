import crypto from 'node:crypto';
import type { Scoped } from '../access/access-layer.js';
import { reviewTextContext, sealFormulation, snapshotContext } from '../features/formulation/formulation-record.js';
import type { FormulationContent } from '../features/formulation/formulation-schemas.js';

/**
 * Dr Ruth Mensah's case formulation of Priya's current episode in the demo practice, in Ruth's
 * words: what brought her, her history, attachment and development, the relationship pattern in
 * CCRT terms (the standard clusters), four goals at different stages, and two dated review entries.
 * Two versions are kept (a first sketch after the assessment, and the fuller one now). The ODF trend
 * beside it comes from the defences Ruth rated in her notes (demo-record.ts).
 *
 * Written as the system, text encrypted under the contexts the routes use. Runs after the record.
 * Idempotent: a practice that already has a formulation is left alone.
 */
const DAY = 24 * 3_600_000;

export interface DemoFormulationSummary {
  formulations: number;
  reviews: number;
}

const FIRST_SKETCH: FormulationContent = {
  presentingDifficulties:
    'Low mood and broken sleep since the spring, worse since her father’s death two years ago. Says she is ' +
    '“the reliable one” at work and at home and cannot remember the last time she rested.',
  history: 'Eldest of three. Father often away for work; died two years ago. Moved to London ten years ago.',
  attachmentDevelopment: '',
  goals: [{ id: 'goal-sleep', text: 'Sleep through more nights than not.', status: 'open' }],
  ccrt: {
    W: { clusterIds: ['w-loved-understood'], words: 'To be looked after without having to ask.' },
    RO: { clusterIds: [], words: '' },
    RS: { clusterIds: [], words: '' },
  },
};

const CURRENT: FormulationContent = {
  presentingDifficulties:
    'Priya came in the spring with low mood, broken sleep and a sense of being worn thin, worse since her ' +
    'father died two years ago. She describes herself as “the reliable one” at work and at home; she ' +
    'cannot rest without first feeling she has earned it, and rarely asks for anything without apologising ' +
    'in advance.',
  history:
    'The eldest of three. Her father worked away for long stretches and came home unpredictably; her ' +
    'mother was practical and brisk, and Priya became the helper early, looking after her brother and ' +
    'sister. Her parents separated the summer she was eleven, which she spent at her grandmother’s house ' +
    'by the sea. She moved to London ten years ago and lost touch with most of her friends from home. ' +
    'She wears her father’s watch, though it no longer keeps time.',
  attachmentDevelopment:
    'A picture of early, compulsive self-reliance: care was available when she was useful and ' +
    'undemanding, and need was met with practicality rather than comfort. Waiting — for her father to ' +
    'come home, for someone to notice — is a familiar state, and anger at being left is turned quickly ' +
    'against herself. In the room she watches the clock, apologises for her feelings, and is most alive ' +
    'when she lets herself describe something she enjoyed.',
  goals: [
    { id: 'goal-sleep', text: 'Sleep through more nights than not.', status: 'partly_met' },
    { id: 'goal-rest', text: 'Take time for herself without first having to earn it.', status: 'partly_met' },
    {
      id: 'goal-anger',
      text: 'Notice and say when she is angry, including with me, without taking it back at once.',
      status: 'open',
    },
    { id: 'goal-father', text: 'Grieve her father rather than keep waiting for him.', status: 'open' },
  ],
  ccrt: {
    W: {
      clusterIds: ['w-loved-understood', 'w-close'],
      words: 'To be looked after without having to ask — for someone to come and collect her.',
    },
    RO: {
      clusterIds: ['ro-rejecting-opposing', 'ro-controlling'],
      words:
        'Others leave, are busy elsewhere or end things on their own timetable; when they are there, they ' +
        'give her more to do.',
    },
    RS: {
      clusterIds: ['rs-disappointed-depressed', 'rs-helpless'],
      words:
        'She waits, makes herself useful and undemanding, and turns the anger at being left on herself — ' +
        'then apologises for having felt it.',
    },
  },
};

const REVIEWS = [
  {
    daysAgo: 42,
    text:
      'Review at six weeks of twice-weekly work. The frame has settled; she uses the couch now. ' +
      'The pattern of waiting to be looked after is clear in the transference — she half-expects me to ' +
      'fetch things for her. Sleep a little better. Goals agreed with her; kept open-ended.',
  },
  {
    daysAgo: 10,
    text:
      'Review at ten weeks. Anger at endings is now speakable in the room, though she still undoes it ' +
      'quickly. The ODF has moved from the disavowal and neurotic levels towards the obsessional and high ' +
      'adaptive. Sleep and rest partly met. Next: her father’s watch, and waiting, as grief.',
  },
];

export async function seedDemoFormulation(
  tx: Scoped,
  userIds: Record<string, string>,
  now: Date = new Date(),
): Promise<DemoFormulationSummary> {
  const existing = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM formulations');
  if ((existing.rows[0]?.n ?? 0) > 0) return counts(tx);
  const ruth = userIds['ruth.mensah'];
  const priya = userIds['priya.nair'];
  if (!ruth || !priya) throw new Error('the demo has no Ruth Mensah or Priya Nair');
  const episode = await tx.query<{ id: string }>(
    `SELECT id FROM episodes WHERE client_id = $1 AND therapist_id = $2 AND status <> 'ended'
      ORDER BY created_at DESC LIMIT 1`,
    [priya, ruth],
  );
  const episodeId = episode.rows[0]?.id;
  if (!episodeId) throw new Error('the demo has no episode of Priya with Ruth');

  const id = crypto.randomUUID();
  const savedAt = [new Date(now.getTime() - 70 * DAY), new Date(now.getTime() - 9 * DAY)];
  const sealed = await sealFormulation(tx, id, CURRENT);
  await tx.query(
    `INSERT INTO formulations (id, practice_id, episode_id, client_id, version, content_enc, ccrt_clusters, created_by,
                               updated_by, created_at, updated_at)
     VALUES ($1, app_practice_id(), $2, $3, 2, $4, $5::jsonb, $6, $6, $7, $8)`,
    [id, episodeId, priya, sealed.contentEnc, sealed.clusters, ruth, savedAt[0], savedAt[1]],
  );
  for (const [index, content] of [FIRST_SKETCH, CURRENT].entries()) {
    const versionId = crypto.randomUUID();
    await tx.query(
      `INSERT INTO formulation_versions (id, practice_id, formulation_id, version, snapshot_enc, saved_by, saved_at)
       VALUES ($1, app_practice_id(), $2, $3, $4, $5, $6)`,
      [
        versionId,
        id,
        index + 1,
        await tx.encrypt('clinical', snapshotContext(versionId), JSON.stringify(content)),
        ruth,
        savedAt[index],
      ],
    );
  }
  for (const review of REVIEWS) {
    const reviewId = crypto.randomUUID();
    const at = new Date(now.getTime() - review.daysAgo * DAY);
    await tx.query(
      `INSERT INTO formulation_reviews (id, practice_id, episode_id, client_id, author_id, reviewed_on, text_enc,
                                        created_at)
       VALUES ($1, app_practice_id(), $2, $3, $4, $5::date, $6, $7)`,
      [
        reviewId,
        episodeId,
        priya,
        ruth,
        at.toISOString().slice(0, 10),
        await tx.encrypt('clinical', reviewTextContext(reviewId), review.text),
        at,
      ],
    );
  }
  return counts(tx);
}

async function counts(tx: Scoped): Promise<DemoFormulationSummary> {
  const result = await tx.query<DemoFormulationSummary>(
    `SELECT (SELECT count(*)::int FROM formulations) AS formulations,
            (SELECT count(*)::int FROM formulation_reviews) AS reviews`,
  );
  return result.rows[0] ?? { formulations: 0, reviews: 0 };
}
