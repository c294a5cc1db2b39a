// The therapy-frame workload shared by bench/frame-generate.mjs and bench/frame-week-view.mjs:
// 30 therapists × 25 clients, every client on a fixed weekly frame — one in five twice a week —
// at whole hours 08:00–16:00, Monday to Friday, never two clients of one therapist in the same slot.
// Deterministic: the same slots on every run. Needs `npm run build` (it uses the built engine).

const dist = new URL('../packages/server/dist/', import.meta.url);
export const load = (p) => import(new URL(p, dist).href);

export const THERAPISTS = 30;
export const CLIENTS_PER_THERAPIST = 25;
export const SESSION_MINUTES = 50;
export const TIME_ZONE = 'Europe/London';

/** The frame of each client of one therapist: [{ slots: [{ weekday, time }] }], 25 entries. */
export function therapistFrames(therapistIndex) {
  const pool = [];
  for (let hour = 8; hour <= 16; hour += 1) {
    for (let weekday = 1; weekday <= 5; weekday += 1)
      pool.push({ weekday, time: `${String(hour).padStart(2, '0')}:00` });
  }
  // Rotate the pool per therapist so the practice's sessions are spread over the week.
  const shift = (therapistIndex * 7) % pool.length;
  const free = [...pool.slice(shift), ...pool.slice(0, shift)];
  const used = new Set();
  const take = (predicate) => {
    const slot = free.find((s) => !used.has(`${s.weekday} ${s.time}`) && predicate(s));
    if (!slot) throw new Error('the workload ran out of slots');
    used.add(`${slot.weekday} ${slot.time}`);
    return slot;
  };
  // Twice weekly clients first (the same hour, two or three days apart), then the weekly ones.
  const pairs = [
    [1, 4],
    [2, 5],
    [1, 3],
    [3, 5],
    [2, 4],
  ];
  const twice = new Map();
  pairs.forEach(([a, b], k) => {
    const time = `${String(8 + ((k + therapistIndex) % 9)).padStart(2, '0')}:00`;
    const first = take((s) => s.weekday === a && s.time === time);
    const second = take((s) => s.weekday === b && s.time === time);
    twice.set(k * 5, [first, second]);
  });
  const frames = [];
  for (let c = 0; c < CLIENTS_PER_THERAPIST; c += 1) {
    frames.push({ slots: twice.get(c) ?? [take(() => true)] });
  }
  return frames;
}

/** Every client's frame in the practice: [{ therapist, client, slots }], 750 entries. */
export function practiceFrames() {
  const all = [];
  for (let t = 0; t < THERAPISTS; t += 1) {
    therapistFrames(t).forEach((frame, c) => all.push({ therapist: t, client: c, slots: frame.slots }));
  }
  return all;
}

/** The Monday on or before an ISO date. */
export function mondayOf(date) {
  const d = new Date(`${date}T12:00:00Z`);
  const back = (d.getUTCDay() + 6) % 7;
  return new Date(d.getTime() - back * 86_400_000).toISOString().slice(0, 10);
}

export function addDays(date, n) {
  return new Date(new Date(`${date}T12:00:00Z`).getTime() + n * 86_400_000).toISOString().slice(0, 10);
}

export const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
