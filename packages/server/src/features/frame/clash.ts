import type { Scoped } from '../../access/access-layer.js';
import { HttpError } from '../../access/errors.js';
import { utcToLocal } from '../../frame/zoned-time.js';
import { loadSettings } from './settings-record.js';

/**
 * Double-booking. A therapist's sessions that still hold time (scheduled, attended, did not attend)
 * may not overlap, and must keep the therapist's minimum gap between them; a room may not hold two
 * overlapping sessions of anyone. Online places never clash. Checks take transaction-scoped
 * advisory locks on the therapist and on each room first (always in one global order, so two
 * bookings never wait on each other in a circle), then read every booking in the range once and
 * compare in memory.
 */
export interface ClashCheck {
  therapistId: string;
  locationId: string | null;
  startsAt: Date;
  endsAt: Date;
  ignoreAppointmentId?: string;
}

export interface Candidate {
  startsAt: Date;
  endsAt: Date;
  locationId: string | null;
}

export interface Clash {
  /** Index of the clashing candidate. */
  index: number;
  kind: 'overlap' | 'gap' | 'room';
  otherStartsAt: Date;
  otherEndsAt: Date;
  roomName: string | null;
}

const HOLDS_TIME = ['scheduled', 'attended', 'did_not_attend'];

export function therapistLockKey(therapistId: string): string {
  return `undercurrent-frame:${therapistId}`;
}

export function roomLockKey(locationId: string): string {
  return `undercurrent-frame-room:${locationId}`;
}

/**
 * Takes the frame locks of these therapists and rooms for the rest of the transaction: therapists
 * first, then rooms, each group in ascending lock number. Everyone takes them in this order (a
 * route locks its therapist before anything else), so no two transactions wait on each other in a
 * circle. A transaction that needs several therapists should lock them all in one call.
 */
export async function lockFrame(tx: Scoped, locks: { therapistIds?: string[]; roomIds?: string[] }): Promise<void> {
  const therapists = (locks.therapistIds ?? []).map(therapistLockKey);
  const rooms = (locks.roomIds ?? []).map(roomLockKey);
  if (therapists.length + rooms.length === 0) return;
  await tx.query(
    `SELECT pg_advisory_xact_lock(h)
       FROM (SELECT DISTINCT g, hashtext(k) AS h
               FROM (SELECT 0 AS g, k FROM unnest($1::text[]) AS k UNION ALL SELECT 1, k FROM unnest($2::text[]) AS k) AS ks
              ORDER BY g, h) AS l`,
    [therapists, rooms],
  );
}

/** The rooms (kind 'room') among these locations, by id, with their names. */
export async function roomsAmong(tx: Scoped, locationIds: (string | null)[]): Promise<Map<string, string>> {
  const ids = [...new Set(locationIds.filter((id): id is string => id !== null))];
  if (ids.length === 0) return new Map();
  const result = await tx.query<{ id: string; name: string }>(
    `SELECT id, name FROM locations WHERE id = ANY($1::uuid[]) AND kind = 'room'`,
    [ids],
  );
  return new Map(result.rows.map((r) => [r.id, r.name]));
}

interface Booking {
  start: number;
  end: number;
  roomId: string | null;
}

/** Bookings sorted by start, with the longest length, for finding overlaps by binary search. */
class Timeline {
  private items: Booking[] = [];
  private longest = 0;

  constructor(items: Booking[]) {
    this.items = [...items].sort((a, b) => a.start - b.start);
    for (const item of items) this.longest = Math.max(this.longest, item.end - item.start);
  }

  /** The first booking overlapping [start - margin, end + margin). */
  find(start: number, end: number, margin: number): Booking | undefined {
    const from = start - margin - this.longest;
    let lo = 0;
    let hi = this.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.items[mid] as Booking).start < from) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < this.items.length; i++) {
      const item = this.items[i] as Booking;
      if (item.start >= end + margin) break;
      if (item.start < end + margin && item.end + margin > start) return item;
    }
    return undefined;
  }

  add(item: Booking): void {
    let lo = 0;
    let hi = this.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.items[mid] as Booking).start < item.start) lo = mid + 1;
      else hi = mid;
    }
    this.items.splice(lo, 0, item);
    this.longest = Math.max(this.longest, item.end - item.start);
  }
}

/**
 * Every candidate that would clash, checked against the therapist's and the rooms' existing
 * bookings and against the candidates before it (a candidate that clashes is not counted as booked).
 * Takes the locks. Two queries whatever the number of candidates.
 */
export async function findClashes(
  tx: Scoped,
  therapistId: string,
  candidates: Candidate[],
  options: { ignoreAppointmentIds?: string[]; gapMinutes?: number } = {},
): Promise<Clash[]> {
  if (candidates.length === 0) return [];
  const rooms = await roomsAmong(
    tx,
    candidates.map((c) => c.locationId),
  );
  await lockFrame(tx, { therapistIds: [therapistId], roomIds: [...rooms.keys()] });
  const gapMs = (options.gapMinutes ?? (await loadSettings(tx, therapistId)).minGapMinutes) * 60_000;
  const from = new Date(Math.min(...candidates.map((c) => c.startsAt.getTime())) - gapMs);
  const to = new Date(Math.max(...candidates.map((c) => c.endsAt.getTime())) + gapMs);
  const ignore = options.ignoreAppointmentIds ?? [];
  const result = await tx.query<{ starts_at: Date; ends_at: Date; location_id: string | null; own: boolean }>(
    `SELECT starts_at, ends_at, location_id, therapist_id = $1 AS own
       FROM appointments
      WHERE (therapist_id = $1 OR location_id = ANY($2::uuid[]))
        AND status = ANY($3::text[]) AND starts_at < $5 AND ends_at > $4 AND NOT (id = ANY($6::uuid[]))`,
    [therapistId, [...rooms.keys()], HOLDS_TIME, from, to, ignore],
  );
  const own = new Timeline(
    result.rows.filter((r) => r.own).map((r) => ({ start: +r.starts_at, end: +r.ends_at, roomId: r.location_id })),
  );
  const byRoom = new Map<string, Timeline>();
  for (const roomId of rooms.keys()) {
    byRoom.set(
      roomId,
      new Timeline(
        result.rows
          .filter((r) => r.location_id === roomId)
          .map((r) => ({ start: +r.starts_at, end: +r.ends_at, roomId: r.location_id })),
      ),
    );
  }
  const clashes: Clash[] = [];
  candidates.forEach((candidate, index) => {
    const start = candidate.startsAt.getTime();
    const end = candidate.endsAt.getTime();
    const overlap = own.find(start, end, 0);
    const near = overlap ? undefined : gapMs > 0 ? own.find(start, end, gapMs) : undefined;
    const room = candidate.locationId ? byRoom.get(candidate.locationId) : undefined;
    const roomBooking = room?.find(start, end, 0);
    const other = overlap ?? roomBooking ?? near;
    if (other) {
      clashes.push({
        index,
        kind: overlap ? 'overlap' : roomBooking ? 'room' : 'gap',
        otherStartsAt: new Date(other.start),
        otherEndsAt: new Date(other.end),
        roomName: !overlap && roomBooking && candidate.locationId ? (rooms.get(candidate.locationId) ?? null) : null,
      });
      return;
    }
    const booked = { start, end, roomId: candidate.locationId };
    own.add(booked);
    room?.add(booked);
  });
  return clashes;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** "Thursday 14 January 2027" for "2027-01-14". */
export function describeDate(date: string, weekday: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return `${WEEKDAYS[weekday - 1] ?? ''} ${day} ${MONTHS[month - 1] ?? ''} ${year}`;
}

/** "Thursday 14 January 2027 at 09:00" in the zone. */
export function describeInstant(instant: Date, zone: string): string {
  const local = utcToLocal(instant, zone);
  return `${describeDate(local.date, local.weekday)} at ${local.time}`;
}

/**
 * The sentence a therapist reads: "Thursday 14 January 2027 at 09:00 clashes with another session
 * of yours (09:00–09:50)." Never names the other session's client.
 */
export function clashMessage(clash: Clash, candidate: Candidate, zone: string, gapMinutes: number): string {
  const when = describeInstant(candidate.startsAt, zone);
  const span = `${utcToLocal(clash.otherStartsAt, zone).time}–${utcToLocal(clash.otherEndsAt, zone).time}`;
  switch (clash.kind) {
    case 'overlap':
      return `${when} clashes with another session of yours (${span}).`;
    case 'gap':
      return `${when} is too close to another session of yours (${span}): you keep ${gapMinutes} minutes between sessions.`;
    case 'room':
      return `${when} clashes with another booking: ${clash.roomName ?? 'the room'} is booked then (${span}).`;
  }
}

/**
 * Refuses (409, code 'clash') a booking that would double-book the therapist or the room. Takes the
 * therapist's and the room's locks for the rest of the transaction, so the caller can then write.
 */
export async function assertNoClash(tx: Scoped, check: ClashCheck): Promise<void> {
  const settings = await loadSettings(tx, check.therapistId);
  const candidate: Candidate = { startsAt: check.startsAt, endsAt: check.endsAt, locationId: check.locationId };
  const [clash] = await findClashes(tx, check.therapistId, [candidate], {
    ignoreAppointmentIds: check.ignoreAppointmentId ? [check.ignoreAppointmentId] : [],
    gapMinutes: settings.minGapMinutes,
  });
  if (clash)
    throw new HttpError(409, clashMessage(clash, candidate, settings.timeZone, settings.minGapMinutes), 'clash');
}
