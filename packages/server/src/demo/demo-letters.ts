import crypto from 'node:crypto';
import type { Scoped } from '../access/access-layer.js';
import { letterFacts } from '../features/letters/letter-facts.js';
import { sealLetter } from '../features/letters/letter-record.js';
import { ensureLetterSetup, loadLetterhead, saveLetterhead } from '../features/letters/letterhead-record.js';
import { fillPlaceholders } from '../features/letters/placeholders.js';

/**
 * The demo practice's letterhead, and the letter Dr Ruth Mensah wrote to Priya's GP when their work
 * began — filed in Priya's record a few days after the episode started, from the built-in "To the
 * GP: starting therapy" template with the placeholders filled from the demo's own data. Written as
 * the system, the texts encrypted under the contexts the routes use; the letter is inserted already
 * filed (the database refuses any change to a filed letter). Runs after the frame. Idempotent: a
 * practice that already has letters is left alone.
 */
export const DEMO_LETTERHEAD = {
  name: 'Northside Psychotherapy',
  addressLines: ['14 Northside Mews', 'London N16 0AA'],
  phone: '020 7946 0123',
  email: 'hello@northside-demo.example',
  website: 'northside-demo.example',
  footer: 'Registered with the ICO (demo): ZZ000000 · Private and confidential',
};

export const DEMO_GP = {
  name: 'Dr Sarah Okafor',
  address: 'Stamford Hill Medical Centre\n2 Clapton Common\nLondon N16 6AA',
};

const DAY = 24 * 3_600_000;

export interface DemoLettersSummary {
  letters: number;
}

export async function seedDemoLetters(tx: Scoped, userIds: Record<string, string>): Promise<DemoLettersSummary> {
  const existing = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM letters');
  if ((existing.rows[0]?.n ?? 0) > 0) return { letters: existing.rows[0]?.n ?? 0 };
  const ruth = userIds['ruth.mensah'];
  const priya = userIds['priya.nair'];
  if (!ruth || !priya) throw new Error('the demo has no Ruth Mensah or Priya Nair');

  await ensureLetterSetup(tx);
  await saveLetterhead(tx, DEMO_LETTERHEAD, userIds['morgan.ellis'] ?? ruth);
  const letterhead = await loadLetterhead(tx);
  const template = await tx.query<{ id: string; subject: string; body: string }>(
    `SELECT id, subject, body FROM letter_templates WHERE built_in = 'gp_starting'`,
  );
  const episode = await tx.query<{ start_date: Date }>(
    `SELECT start_date FROM episodes WHERE client_id = $1 AND therapist_id = $2 AND start_date IS NOT NULL
      ORDER BY created_at DESC LIMIT 1`,
    [priya, ruth],
  );
  const gp = template.rows[0];
  const started = episode.rows[0]?.start_date;
  if (!gp || !started) throw new Error('the demo has no GP template or no episode for Priya');

  const values = await letterFacts(tx, { clientId: priya, therapistId: ruth, recipientName: DEMO_GP.name, letterhead });
  const id = crypto.randomUUID();
  const sealed = await sealLetter(tx, id, {
    recipientName: DEMO_GP.name,
    recipientAddress: DEMO_GP.address,
    subject: fillPlaceholders(gp.subject, values),
    body: fillPlaceholders(gp.body, values),
  });
  const filedAt = new Date(new Date(started).getTime() + 3 * DAY + 11 * 3_600_000);
  await tx.query(
    `INSERT INTO letters (id, practice_id, client_id, author_id, template_id, status, version, recipient_name_enc,
                          recipient_address_enc, subject_enc, body_enc, letterhead, finalised_at, finalised_by,
                          created_at, updated_at)
     VALUES ($1, app_practice_id(), $2, $3, $4, 'final', 2, $5, $6, $7, $8, $9::jsonb, $10, $3, $11, $10)`,
    [
      id,
      priya,
      ruth,
      gp.id,
      sealed.recipientNameEnc,
      sealed.recipientAddressEnc,
      sealed.subjectEnc,
      sealed.bodyEnc,
      JSON.stringify(letterhead),
      filedAt,
      new Date(filedAt.getTime() - 3_600_000),
    ],
  );
  return { letters: 1 };
}
