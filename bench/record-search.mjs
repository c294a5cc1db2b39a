#!/usr/bin/env node
// Budget (issue 5): searching a caseload of 25 clients × 400 notes answered < 500 ms.
// A fresh embedded PostgreSQL, migrated; one practice, one therapist (a real session cookie) caring for
// 25 clients, each with 400 past sessions and a progress note for each — narrative (≈ 150 to 500 words),
// structured fields, and an amendment on every tenth note — encrypted with the practice's clinical key
// through the access layer's encrypt and inserted in bulk as the system. Then, over HTTP to the real
// app, GET /api/record/search for a rare word (in a handful of notes: every note is decrypted and
// searched) and a common one (the first 50 matches), with GET /api/me as a baseline in the same rounds.
// Exits 1 if the slowest search is above 500 ms. Needs `npm run build`.
// Usage: node bench/record-search.mjs [clients] [notes-per-client] [rounds]
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { load, percentile } from './frame-data.mjs';

const { startEmbeddedDatabase } = await load('db/embedded.js');
const { createPools } = await load('db/pool.js');
const { migrate, readMigrations } = await load('db/migrate.js');
const { AccessLayer } = await load('access/access-layer.js');
const { KeyRing } = await load('crypto/key-ring.js');
const { masterKeyFromBytes } = await load('crypto/master-key.js');
const { loadConfig } = await load('config.js');
const { cookieSettings } = await load('http/authenticate.js');
const { buildApp } = await load('app.js');
const { systemActor } = await load('access/actor.js');
const { createSession } = await load('sessions/session-store.js');
const { formatToken } = await load('sessions/tokens.js');
const { sealAllPractices } = await load('jobs/seal-audit.js');

const CLIENTS = Number(process.argv[2] ?? 25);
const NOTES = Number(process.argv[3] ?? 400);
const ROUNDS = Number(process.argv[4] ?? 20);
const RARE = 'zeppelin';
const RARE_EVERY = 997;

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'uc-bench-record-search-'));
fs.chmodSync(dataDir, 0o755);
const db = await startEmbeddedDatabase(dataDir, () => undefined);
const pools = createPools(db.url, 20);
await migrate(pools.owner);
const config = { ...loadConfig({}), logLevel: 'silent' };
const access = new AccessLayer(pools, new KeyRing(masterKeyFromBytes(crypto.randomBytes(32))));
const ctx = {
  config,
  pools,
  access,
  cookie: cookieSettings(config.publicUrl),
  database: { mode: 'embedded', migrationVersion: readMigrations().at(-1).version },
  version: 'bench',
};
const app = await buildApp(ctx, { logger: false, serveWeb: false });
await app.listen({ port: 0, host: '127.0.0.1' });
const base = `http://127.0.0.1:${app.server.address().port}`;

const practiceId = crypto.randomUUID();
await access.createPractice(
  { id: practiceId, name: 'Bench', slug: `bench-${practiceId.slice(0, 8)}`, timeZone: 'Europe/London', isDemo: false },
  (id) => systemActor(id),
  async () => undefined,
);

// Text of realistic length, some of it accented.
const WORDS = (
  'she arrived a little late and sat for a while before speaking about her mother and the house by the ' +
  'sea the week had been heavy at work and she noticed the old anger rising when her manager spoke over ' +
  'her we stayed with the silence and the feeling that nobody would come she wondered whether I was ' +
  'tired of her café naïve rôle and returned to the dream of the flooded stairs'
).split(' ');
const textOf = (length, seed) => Array.from({ length }, (_, i) => WORDS[(seed * 31 + i * 17) % WORDS.length]).join(' ');

const loadStarted = performance.now();
const { therapistId, cookie } = await access.run(systemActor(practiceId), async (tx) => {
  const person = async (email, name, role) => {
    const user = await tx.query(
      `INSERT INTO users (practice_id, email, display_name) VALUES ($1, $2, $3) RETURNING id`,
      [practiceId, email, name],
    );
    await tx.query(`INSERT INTO memberships (practice_id, user_id, role) VALUES ($1, $2, $3)`, [
      practiceId,
      user.rows[0].id,
      role,
    ]);
    return user.rows[0].id;
  };
  const therapistId = await person('therapist@bench.test', 'Dr Bench', 'therapist');
  const s = await createSession(tx, {
    userId: therapistId,
    stage: 'active',
    roles: ['therapist'],
    policy: { staffIdleMinutes: 30, clientIdleMinutes: 60, absoluteHours: 12 },
  });
  return { therapistId, cookie: `${ctx.cookie.name}=${formatToken(practiceId, s.secret)}` };
});

let rareNotes = 0;
for (let c = 0; c < CLIENTS; c += 1) {
  await access.run(systemActor(practiceId), async (tx) => {
    const client = await tx.query(
      `INSERT INTO users (practice_id, email, display_name) VALUES ($1, $2, $3) RETURNING id`,
      [practiceId, `client${c}@bench.test`, `Client ${c + 1}`],
    );
    const clientId = client.rows[0].id;
    await tx.query(`INSERT INTO memberships (practice_id, user_id, role) VALUES ($1, $2, 'client')`, [
      practiceId,
      clientId,
    ]);
    await tx.query(`INSERT INTO care_assignments (practice_id, therapist_id, client_id) VALUES ($1, $2, $3)`, [
      practiceId,
      therapistId,
      clientId,
    ]);
    const episode = await tx.query(
      `INSERT INTO episodes (practice_id, therapist_id, client_id, status, kind, time_zone, fee_pence, session_minutes,
                             start_date, agreed_at)
       VALUES ($1, $2, $3, 'active', 'open', 'Europe/London', 7000, 50, current_date - 3000, now()) RETURNING id`,
      [practiceId, therapistId, clientId],
    );
    const rows = {
      appt: [],
      starts: [],
      note: [],
      narrative: [],
      fields: [],
      amendId: [],
      amendNote: [],
      amendText: [],
    };
    for (let n = 0; n < NOTES; n += 1) {
      const seed = c * NOTES + n;
      const appointmentId = crypto.randomUUID();
      const noteId = crypto.randomUUID();
      const starts = new Date(Date.now() - (n + 1) * 7 * 86_400_000 - c * 3_600_000);
      let narrative = textOf(150 + ((seed * 7919) % 350), seed);
      if (seed % RARE_EVERY === 0) {
        narrative += ` and the ${RARE} again`;
        rareNotes += 1;
      }
      const fields = JSON.stringify({ themes: textOf(12, seed + 1), transference: textOf(20, seed + 2) });
      rows.appt.push(appointmentId);
      rows.starts.push(starts.toISOString());
      rows.note.push(noteId);
      rows.narrative.push(await tx.encrypt('clinical', `progress_notes.narrative_enc:${noteId}`, narrative));
      rows.fields.push(await tx.encrypt('clinical', `progress_notes.fields_enc:${noteId}`, fields));
      if (n % 10 === 0) {
        const id = crypto.randomUUID();
        rows.amendId.push(id);
        rows.amendNote.push(noteId);
        rows.amendText.push(
          await tx.encrypt('clinical', `progress_note_amendments.text_enc:${id}`, textOf(40, seed + 3)),
        );
      }
    }
    await tx.query(
      `INSERT INTO appointments (id, practice_id, episode_id, therapist_id, client_id, kind, starts_at, ends_at,
                                 local_start, time_zone, fee_pence, status)
       SELECT a, $1, $2, $3, $4, 'session', s, s + interval '50 minutes', to_char(s, 'YYYY-MM-DD"T"HH24:MI'),
              'Europe/London', 7000, 'attended'
         FROM unnest($5::uuid[], $6::timestamptz[]) AS t(a, s)`,
      [practiceId, episode.rows[0].id, therapistId, clientId, rows.appt, rows.starts],
    );
    await tx.query(
      `INSERT INTO progress_notes (id, practice_id, client_id, appointment_id, author_id, status, narrative_enc,
                                   fields_enc, session_starts_at, session_ends_at, signed_at, signed_by, signed_late)
       SELECT id, $1, $2, a, $3, 'signed', nar, fld, s, s + interval '50 minutes', s + interval '2 hours', $3, false
         FROM unnest($4::uuid[], $5::uuid[], $6::text[], $7::text[], $8::timestamptz[]) AS t(id, a, nar, fld, s)`,
      [practiceId, clientId, therapistId, rows.note, rows.appt, rows.narrative, rows.fields, rows.starts],
    );
    await tx.query(
      `INSERT INTO progress_note_amendments (id, practice_id, note_id, author_id, reason_enc, text_enc)
       SELECT id, $1, note, $2, $3, txt FROM unnest($4::uuid[], $5::uuid[], $6::text[]) AS t(id, note, txt)`,
      [
        practiceId,
        therapistId,
        await tx.encrypt('clinical', 'bench.reason', 'reason'),
        rows.amendId,
        rows.amendNote,
        rows.amendText,
      ],
    );
  });
}
const loadMs = performance.now() - loadStarted;
await access.run(systemActor(practiceId), (tx) =>
  tx.query('ANALYZE progress_notes; ANALYZE progress_note_amendments; ANALYZE care_assignments'),
);
const sealer = setInterval(() => void sealAllPractices(access).catch(() => undefined), 1000);

async function timed(url) {
  const t0 = performance.now();
  const res = await fetch(url, { headers: { cookie } });
  const json = await res.json();
  const ms = performance.now() - t0;
  if (res.status !== 200) throw new Error(`${url} answered ${res.status}: ${JSON.stringify(json)}`);
  return { ms, json };
}
const targets = {
  me: `${base}/api/me`,
  rare: `${base}/api/record/search?q=${RARE}`,
  common: `${base}/api/record/search?q=${encodeURIComponent('MOTHER Café')}`,
};
const rare = (await timed(targets.rare)).json;
if (rare.results.length !== Math.min(rareNotes, 50) || rare.searched !== CLIENTS * NOTES) {
  throw new Error(`the rare search found ${rare.results.length} of ${rareNotes} in ${rare.searched}`);
}
const common = (await timed(targets.common)).json;
if (common.results.length !== 50) throw new Error(`the common search found ${common.results.length}`);
for (const url of Object.values(targets)) for (let i = 0; i < 2; i += 1) await timed(url); // warm-up
const times = { me: [], rare: [], common: [] };
for (let r = 0; r < ROUNDS; r += 1) {
  for (const name of ['me', 'rare', 'common']) times[name].push((await timed(targets[name])).ms);
}

const stats = (xs) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted.at(-1) };
};
const fmt = (x) => `p50 ${x.p50.toFixed(1)} ms, p95 ${x.p95.toFixed(1)} ms, max ${x.max.toFixed(1)} ms`;
const s = Object.fromEntries(Object.entries(times).map(([k, v]) => [k, stats(v)]));
console.log(
  `${CLIENTS} clients × ${NOTES} notes (${(CLIENTS * NOTES).toLocaleString('en-GB')}, an amendment on every tenth) ` +
    `written in ${(loadMs / 1000).toFixed(1)} s; Node ${process.version}, ${os.cpus().length} cores`,
);
console.log(`${ROUNDS} rounds, sequential requests:`);
console.log(`  GET /api/me (session, no clinical data)       ${fmt(s.me)}`);
console.log(`  GET /api/record/search?q=${RARE} (${rare.results.length} hits)  ${fmt(s.rare)}  (budget max < 500 ms)`);
console.log(`  GET /api/record/search?q=MOTHER Café (first 50)  ${fmt(s.common)}  (budget max < 500 ms)`);

clearInterval(sealer);
await app.close();
await pools.end();
await db.stop();
fs.rmSync(dataDir, { recursive: true, force: true });
process.exit(Math.max(s.rare.max, s.common.max) < 500 ? 0 : 1);
