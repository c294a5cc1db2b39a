#!/usr/bin/env node
// Budget: a year of sessions for 30 therapists × 25 clients (one client in five twice a week)
// generated in < 1 s by the frame engine (expandSlots: Europe/London, across both clock changes,
// skipping bank holidays). Measured cold (the first call in a fresh process: what a request or the
// extend-frame job meets after a start) and then warm over several runs. Baselines in the same run:
// building the same number of occurrence objects with plain Date arithmetic (no time zones), and a
// JSON round trip of the generated result. Exits 1 if the cold run or the warm median takes ≥ 1 s.
// Needs `npm run build`. Usage: node bench/frame-generate.mjs [warm-runs]
import os from 'node:os';
import { addDays, load, median, practiceFrames, SESSION_MINUTES, TIME_ZONE } from './frame-data.mjs';

const { expandSlots } = await load('frame/recurrence.js');
const { ENGLAND_AND_WALES_BANK_HOLIDAYS } = await load('frame/bank-holidays.js');

const runs = Number(process.argv[2] ?? 5);
const startsOn = process.env.FRAME_START ?? '2027-01-04';
const untilOn = addDays(startsOn, 364);
const frames = practiceFrames();
const holidays = new Set(ENGLAND_AND_WALES_BANK_HOLIDAYS.map((h) => h.date));
const skipDate = (date) => holidays.has(date);

function generate() {
  const out = [];
  for (const frame of frames) {
    out.push(
      expandSlots({ slots: frame.slots, timeZone: TIME_ZONE, startsOn, untilOn, minutes: SESSION_MINUTES, skipDate }),
    );
  }
  return out;
}

/** The same number of occurrence-shaped objects, by plain UTC arithmetic: what any generator must at least pay. */
function plainDates(counts) {
  const out = [];
  const base = Date.parse(`${startsOn}T09:00:00Z`);
  const duration = SESSION_MINUTES * 60_000;
  for (const n of counts) {
    const list = [];
    for (let i = 0; i < n; i += 1) {
      const start = base + i * 7 * 86_400_000;
      const localDate = new Date(start).toISOString().slice(0, 10);
      list.push({
        slotIndex: 0,
        occurrenceKey: `${localDate}T09:00`,
        localDate,
        startsAt: new Date(start),
        endsAt: new Date(start + duration),
      });
    }
    out.push(list);
  }
  return out;
}

function timed(fn) {
  const t0 = performance.now();
  const result = fn();
  return { ms: performance.now() - t0, result };
}

const cold = timed(generate);
const counts = cold.result.map((list) => list.length);
const total = counts.reduce((s, n) => s + n, 0);
const twice = frames.filter((f) => f.slots.length === 2).length;

// Sanity: every occurrence inside the year, none on a bank holiday, two a week for twice-weekly clients.
for (const [i, list] of cold.result.entries()) {
  for (const o of list) {
    if (o.localDate < startsOn || o.localDate > untilOn || holidays.has(o.localDate)) {
      throw new Error(`occurrence ${o.occurrenceKey} of client ${i} is outside the year or on a bank holiday`);
    }
  }
  const min = frames[i].slots.length * 46; // 52 weeks less up to six bank holidays on one weekday
  if (list.length < min) throw new Error(`client ${i} got ${list.length} sessions, expected at least ${min}`);
}

const warm = [];
const baseline = [];
const json = [];
for (let r = 0; r < runs; r += 1) {
  baseline.push(timed(() => plainDates(counts)).ms);
  const run = timed(generate);
  warm.push(run.ms);
  json.push(timed(() => JSON.parse(JSON.stringify(run.result))).ms);
}

const m = median(warm);
console.log(
  `${frames.length} clients (${twice} twice weekly) of 30 therapists, ${startsOn} to ${untilOn} (${TIME_ZONE}): ` +
    `${total.toLocaleString('en-GB')} sessions`,
);
console.log(`cold (first call in this process): ${cold.ms.toFixed(0)} ms (budget < 1000 ms)`);
console.log(`warm: ${warm.map((ms) => ms.toFixed(0)).join(', ')} ms; median ${m.toFixed(0)} ms`);
console.log(
  `baseline, same number of occurrence objects by plain Date arithmetic: median ${median(baseline).toFixed(0)} ms; ` +
    `generation = ${(m / median(baseline)).toFixed(1)} × that`,
);
console.log(
  `baseline, JSON round trip of the result: median ${median(json).toFixed(0)} ms; ` +
    `generation = ${(m / median(json)).toFixed(2)} × that`,
);
console.log(`Node ${process.version}, ${os.cpus().length} cores`);
process.exit(cold.ms < 1000 && m < 1000 ? 0 : 1);
