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
import os from 'node:os';
import { addBenchPerson, benchCookie, benchPractice, fmt, startBenchApp, stats, systemActor } from './bench-app.mjs';

const CLIENTS = Number(process.argv[2] ?? 25);
const NOTES = Number(process.argv[3] ?? 400);
const ROUNDS = Number(process.argv[4] ?? 20);
const RARE = 'zeppelin';
const RARE_EVERY = 997;

const bench = await startBenchApp('record-search');
const { access, base } = bench;

const practiceId = await benchPractice(access);

// Text of realistic length, some of it accented.
const WORDS = (
  'she arrived a little late and sat for a while before speaking about her mother and the house by the ' +
  'sea the week had been heavy at work and she noticed the old anger rising when her manager spoke over ' +
  'her we stayed with the silence and the feeling that nobody would come she wondered whether I was ' +
  'tired of her café naïve rôle and returned to the dream of the flooded stairs'
).split(' ');
const textOf = (length, seed) => Array.from({ length }, (_, i) => WORDS[(seed * 31 + i * 17) % WORDS.length]).join(' ');

const loadStarted = performance.now();
const therapistId = await access.run(systemActor(practiceId), (tx) =>
  addBenchPerson(tx, practiceId, 'therapist@bench.test', 'Dr Bench', 'therapist'),
);
const cookie = await benchCookie(bench, practiceId, therapistId, ['therapist']);

let rareNotes = 0;
for (let c = 0; c < CLIENTS; c += 1) {
  await access.run(systemActor(practiceId), async (tx) => {
    const clientId = await addBenchPerson(tx, practiceId, `client${c}@bench.test`, `Client ${c + 1}`, 'client');
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

const s = Object.fromEntries(Object.entries(times).map(([k, v]) => [k, stats(v)]));
console.log(
  `${CLIENTS} clients × ${NOTES} notes (${(CLIENTS * NOTES).toLocaleString('en-GB')}, an amendment on every tenth) ` +
    `written in ${(loadMs / 1000).toFixed(1)} s; Node ${process.version}, ${os.cpus().length} cores`,
);
console.log(`${ROUNDS} rounds, sequential requests:`);
console.log(`  GET /api/me (session, no clinical data)       ${fmt(s.me)}`);
console.log(`  GET /api/record/search?q=${RARE} (${rare.results.length} hits)  ${fmt(s.rare)}  (budget max < 500 ms)`);
console.log(`  GET /api/record/search?q=MOTHER Café (first 50)  ${fmt(s.common)}  (budget max < 500 ms)`);

await bench.stop();
process.exit(Math.max(s.rare.max, s.common.max) < 500 ? 0 : 1);
