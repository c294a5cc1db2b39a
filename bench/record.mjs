#!/usr/bin/env node
// Budget (issue 5): opening a client's record with 1,000 notes answered < 300 ms.
// A fresh embedded PostgreSQL, migrated; one practice, one therapist caring for one client with
// 1,000 past sessions (twice weekly, about ten years); every note written through the real routes
// as the therapist (POST …/notes to start, PUT to save the draft — narrative of 80 to 400 words,
// themes, transference, two rated defences, an intervention — POST …/sign), so what is measured
// is what the product stored. "Opening the record" is the request the record's first screen makes:
// GET /api/record/clients/:id/notes (every note's summary with its excerpt and ODF, and the
// sessions still without a note); opening one note (GET /api/record/notes/:id with its amendments)
// is measured too. Baselines in the same rounds: GET /api/health (SELECT 1, no session) and
// GET /api/me (a session lookup, no clinical data). Exits 1 if the record's p95 is ≥ 300 ms.
// Needs `npm run build`. Usage: node bench/record.mjs [notes] [rounds]
import os from 'node:os';
import { addBenchPerson, benchCookie, benchPractice, fmt, startBenchApp, stats, systemActor } from './bench-app.mjs';

const NOTES = Number(process.argv[2] ?? 1000);
const ROUNDS = Number(process.argv[3] ?? 20);

const bench = await startBenchApp('record');
const { access, base } = bench;

const practiceId = await benchPractice(access);
const HOUR = 3_600_000;
const { therapistId, clientId } = await access.run(systemActor(practiceId), async (tx) => {
  const therapistId = await addBenchPerson(tx, practiceId, 'therapist@bench.test', 'Bench Therapist', 'therapist');
  const client = await addBenchPerson(tx, practiceId, 'client@bench.test', 'Bench Client', 'client');
  await tx.query(`INSERT INTO care_assignments (practice_id, therapist_id, client_id) VALUES ($1, $2, $3)`, [
    practiceId,
    therapistId,
    client,
  ]);
  const episode = await tx.query(
    `INSERT INTO episodes (practice_id, therapist_id, client_id, status, kind, time_zone, agreed_at)
     VALUES ($1, $2, $3, 'active', 'open', 'Europe/London', now()) RETURNING id`,
    [practiceId, therapistId, client],
  );
  // Twice a week, the most recent a day ago.
  const starts = Array.from({ length: NOTES }, (_, i) => new Date(Date.now() - 24 * HOUR - i * 3.5 * 24 * HOUR));
  await tx.query(
    `INSERT INTO appointments (practice_id, episode_id, therapist_id, client_id, kind, starts_at, ends_at, local_start,
                               time_zone, status, marked_at)
     SELECT $1, $2, $3, $4, 'session', s, s + interval '50 minutes', to_char(s, 'YYYY-MM-DD"T"HH24:MI'),
            'Europe/London', 'attended', s + interval '50 minutes'
       FROM unnest($5::timestamptz[]) AS s`,
    [practiceId, episode.rows[0].id, therapistId, client, starts],
  );
  return { therapistId, clientId: client };
});
const cookie = await benchCookie(bench, practiceId, therapistId, ['therapist']);

const WORDS = (
  'She came in quietly and sat for a while before speaking about her father and the house by the sea ' +
  'the old anger returned when she described her manager and I noticed I felt pushed away myself ' +
  'we wondered together whether the lateness was a way of keeping me at a distance she cried'
).split(' ');
const textOf = (n) =>
  Array.from({ length: 80 + ((n * 7919) % 320) }, (_, i) => WORDS[(n * 31 + i * 17) % WORDS.length]).join(' ');
const headers = { cookie, 'content-type': 'application/json', 'x-undercurrent-csrf': '1' };
async function request(method, url, body) {
  const res = await fetch(`${base}${url}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await res.json();
  if (res.status !== 200) throw new Error(`${method} ${url} answered ${res.status}: ${JSON.stringify(json)}`);
  return json;
}

const loadStarted = performance.now();
const before = await request('GET', `/api/record/clients/${clientId}/notes`);
const sessions = before.sessionsWithoutNote.map((s) => s.appointmentId);
if (sessions.length !== NOTES) throw new Error(`expected ${NOTES} sessions without a note, found ${sessions.length}`);
let sampleNote = '';
for (const [n, appointmentId] of sessions.entries()) {
  const { note } = await request('POST', `/api/record/clients/${clientId}/notes`, { appointmentId });
  await request('PUT', `/api/record/notes/${note.id}`, {
    baseVersion: note.version,
    narrative: textOf(n),
    fields: { themes: 'Loss; the father', transference: 'Keeps me at a distance' },
    materialEntryIds: [],
    dreamEntryIds: [],
    defences: [
      { defence: 'intellectualisation', level: 6 },
      { defence: 'displacement', level: 5 },
    ],
    interventions: ['interpretation'],
  });
  if (n % 10 !== 0) await request('POST', `/api/record/notes/${note.id}/sign`, { baseVersion: note.version + 1 });
  sampleNote = note.id;
}
const loadMs = performance.now() - loadStarted;

async function timed(url) {
  const t0 = performance.now();
  const res = await fetch(`${base}${url}`, { headers: { cookie } });
  const bytes = (await res.arrayBuffer()).byteLength;
  const ms = performance.now() - t0;
  if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
  return { ms, bytes };
}
const targets = {
  health: '/api/health',
  me: '/api/me',
  record: `/api/record/clients/${clientId}/notes`,
  note: `/api/record/notes/${sampleNote}`,
};
const check = await request('GET', targets.record);
if (check.notes.length !== NOTES) throw new Error(`the record held ${check.notes.length} notes`);
for (const url of Object.values(targets)) for (let i = 0; i < 3; i += 1) await timed(url); // warm-up
const times = { health: [], me: [], record: [], note: [] };
let recordBytes = 0;
for (let r = 0; r < ROUNDS; r += 1) {
  for (const name of ['health', 'me', 'note'])
    for (let i = 0; i < 10; i += 1) times[name].push((await timed(targets[name])).ms);
  const t = await timed(targets.record);
  times.record.push(t.ms);
  recordBytes = t.bytes;
}

const s = Object.fromEntries(Object.entries(times).map(([k, v]) => [k, stats(v)]));
console.log(
  `${NOTES.toLocaleString('en-GB')} notes (9 in 10 signed) written through the routes in ${(loadMs / 1000).toFixed(1)} s; ` +
    `Node ${process.version}, ${os.cpus().length} cores`,
);
console.log(`${ROUNDS} rounds, sequential requests:`);
console.log(`  GET /api/health (SELECT 1, no session)          ${fmt(s.health)}`);
console.log(`  GET /api/me (session, no clinical data)         ${fmt(s.me)}`);
console.log(`  GET /api/record/notes/:id (one note)            ${fmt(s.note)}`);
console.log(
  `  GET /api/record/clients/:id/notes (the record)  ${fmt(s.record)}  (${Math.round(recordBytes / 1024)} KB; budget p95 < 300 ms)`,
);
console.log(`  the record's p50 = ${(s.record.p50 / s.me.p50).toFixed(1)} × GET /api/me's p50`);

await bench.stop();
process.exit(s.record.p95 < 300 ? 0 : 1);
