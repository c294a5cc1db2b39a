#!/usr/bin/env node
// Budgets (issue 4): saving a journal entry p99 < 50 ms; a timeline of 5,000 entries answered < 300 ms.
// A fresh embedded PostgreSQL, migrated; one practice, one client with a real session cookie; over HTTP
// to the real app. Every entry is written through the real save route (PUT /api/journal/entries/:id:
// validation, encryption of body and excerpt, the versioned update, the audit row), so the saves are
// the measurement: 5,000 first saves and then `edits` autosaves of existing entries (a new version of
// the text each time, as typing does). Then the whole timeline in one answer
// (GET /api/journal/entries?limit=5000: 5,000 summaries with decrypted excerpts and tags) and its
// first page (the default 50). Baselines in the same run, alternating: GET /api/health (SELECT 1, no
// session) and GET /api/me (the signed-in person: a session lookup, no clinical data).
// Exits 1 if a budget is missed. Needs `npm run build`.
// Usage: node bench/journal.mjs [entries] [edits] [timeline-rounds]
import crypto from 'node:crypto';
import os from 'node:os';
import { addBenchPerson, benchCookie, benchPractice, fmt, startBenchApp, stats, systemActor } from './bench-app.mjs';

const ENTRIES = Number(process.argv[2] ?? 5000);
const EDITS = Number(process.argv[3] ?? 1000);
const TIMELINE_ROUNDS = Number(process.argv[4] ?? 20);

const bench = await startBenchApp('journal');
const { access, base } = bench;

const practiceId = await benchPractice(access);
const clientId = await access.run(systemActor(practiceId), (tx) =>
  addBenchPerson(tx, practiceId, 'client@bench.test', 'Bench Client', 'client'),
);
const cookie = await benchCookie(bench, practiceId, clientId, ['client']);

// Text of realistic length: 40 to 600 words (≈ 250 to 3,700 characters), some of it not Latin.
const WORDS = (
  'I was back in the house where we lived when I was small and the stairs went on further than they ' +
  'should my mother was in the kitchen but she did not turn round when I spoke and I felt the old ' +
  'heaviness then the scene changed to the office and my manager was reading something I had written ' +
  'aloud to everyone — رأيت البحر من النافذة — 夢の中で — and I woke with my heart going fast'
).split(' ');
const textOf = (n, seed) =>
  Array.from({ length: 40 + ((n * 7919 + seed) % 560) }, (_, i) => WORDS[(n * 31 + i * 17 + seed) % WORDS.length]).join(
    ' ',
  );
const KINDS = ['free_association', 'dream', 'reflection', 'check_in'];

const headers = { cookie, 'content-type': 'application/json', 'x-undercurrent-csrf': '1' };
async function save(id, n, baseVersion, seed) {
  const kind = KINDS[n % KINDS.length];
  const body = { kind, baseVersion, body: textOf(n, seed), ...(kind === 'check_in' ? { mood: n % 11 } : {}) };
  const t0 = performance.now();
  const res = await fetch(`${base}/api/journal/entries/${id}`, { method: 'PUT', headers, body: JSON.stringify(body) });
  const json = await res.json();
  const ms = performance.now() - t0;
  if (res.status !== 200 || json.conflictCopy) throw new Error(`save answered ${res.status}: ${JSON.stringify(json)}`);
  return { ms, version: json.entry.version };
}

const ids = Array.from({ length: ENTRIES }, () => crypto.randomUUID());
const versions = new Map();
const firstSaves = [];
const loadStarted = performance.now();
for (let n = 0; n < ENTRIES; n += 1) {
  const r = await save(ids[n], n, 0, 0);
  firstSaves.push(r.ms);
  versions.set(ids[n], r.version);
}
const loadMs = performance.now() - loadStarted;
const edits = [];
for (let i = 0; i < EDITS; i += 1) {
  const n = (i * 2654435761) % ENTRIES;
  const id = ids[n];
  const r = await save(id, n, versions.get(id), i + 1);
  edits.push(r.ms);
  versions.set(id, r.version);
}
await access.run(systemActor(practiceId), (tx) => tx.query('ANALYZE journal_entries'));

async function timed(url) {
  const t0 = performance.now();
  const res = await fetch(url, { headers: { cookie } });
  const bytes = (await res.arrayBuffer()).byteLength;
  const ms = performance.now() - t0;
  if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
  return { ms, bytes };
}
const targets = {
  health: `${base}/api/health`,
  me: `${base}/api/me`,
  firstPage: `${base}/api/journal/entries`,
  timeline: `${base}/api/journal/entries?limit=5000`,
};
const whole = await (await fetch(targets.timeline, { headers: { cookie } })).json();
if (whole.entries.length !== Math.min(ENTRIES, 5000)) throw new Error(`the timeline held ${whole.entries.length}`);
for (const url of Object.values(targets)) for (let i = 0; i < 3; i += 1) await timed(url); // warm-up
const times = { health: [], me: [], firstPage: [], timeline: [] };
let timelineBytes = 0;
for (let r = 0; r < TIMELINE_ROUNDS; r += 1) {
  for (const name of ['health', 'me', 'firstPage'])
    for (let i = 0; i < 10; i += 1) times[name].push((await timed(targets[name])).ms);
  const t = await timed(targets.timeline);
  times.timeline.push(t.ms);
  timelineBytes = t.bytes;
}

const s = Object.fromEntries(Object.entries(times).map(([k, v]) => [k, stats(v)]));
const first = stats(firstSaves);
const edit = stats(edits);
const allSaves = stats([...firstSaves, ...edits]);
console.log(
  `${ENTRIES.toLocaleString('en-GB')} entries written in ${(loadMs / 1000).toFixed(1)} s, then ${EDITS} autosaves; Node ${process.version}, ${os.cpus().length} cores`,
);
console.log(`  PUT /api/journal/entries/:id, first save  ${fmt(first)}`);
console.log(`  PUT /api/journal/entries/:id, autosave    ${fmt(edit)}`);
console.log(`  every save                                 ${fmt(allSaves)}  (budget p99 < 50 ms)`);
console.log(`${TIMELINE_ROUNDS} rounds, sequential requests:`);
console.log(`  GET /api/health (SELECT 1, no session)     ${fmt(s.health)}`);
console.log(`  GET /api/me (session, no clinical data)    ${fmt(s.me)}`);
console.log(`  GET /api/journal/entries (first 50)        ${fmt(s.firstPage)}`);
console.log(
  `  GET /api/journal/entries?limit=5000        ${fmt(s.timeline)}  (${Math.round(timelineBytes / 1024)} KB; budget max < 300 ms)`,
);
console.log(
  `  save p99 = ${(allSaves.p99 / s.me.p99).toFixed(1)} × GET /api/me's p99; whole timeline p50 = ` +
    `${(s.timeline.p50 / s.me.p50).toFixed(1)} × GET /api/me's p50`,
);

await bench.stop();
process.exit(allSaves.p99 < 50 && s.timeline.max < 300 ? 0 : 1);
