import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { addDays, localToUtc } from '../../frame/zoned-time.js';
import { actorOf, guard } from '../../http/authenticate.js';
import { withErrors } from '../../http/schemas.js';
import { checkRange } from './calendar.js';
import { AppointmentStatus, Location, IsoDate } from './frame-schemas.js';
import { toLocation } from './locations-record.js';

export const RoomUsage = Type.Object({
  location: Location,
  bookings: Type.Array(
    Type.Object({
      startsAt: Type.String({ format: 'date-time' }),
      endsAt: Type.String({ format: 'date-time' }),
      therapistName: Type.String(),
      status: AppointmentStatus,
    }),
  ),
});

interface BookingRow {
  location_id: string;
  starts_at: Date;
  ends_at: Date;
  therapist_name: string;
  status: 'scheduled' | 'attended' | 'did_not_attend';
}

/**
 * GET /api/frame/rooms/usage?from&to (admin): each room and who holds it when — therapist names and
 * times only, never a client's name or anything about the session. Dates in the practice's time
 * zone; at most 62 days. Archived rooms appear only when they hold bookings in the range.
 */
export const roomsUsageRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/frame/rooms/usage',
    {
      preHandler: guard(app.ctx.access, { roles: ['admin'] }),
      schema: {
        tags: ['frame'],
        summary: 'Room use across therapists (therapist names and times, no client details)',
        querystring: Type.Object({ from: IsoDate, to: IsoDate }),
        response: withErrors({ 200: Type.Array(RoomUsage) }),
      },
    },
    async (request) => {
      const { from, to } = request.query;
      checkRange(from, to);
      return app.ctx.access.run(actorOf(request), async (tx) => {
        const practice = await tx.query<{ time_zone: string }>(
          'SELECT time_zone FROM practices WHERE id = app_practice_id()',
        );
        const zone = practice.rows[0]?.time_zone ?? 'Europe/London';
        const rooms = await tx.query<{
          id: string;
          name: string;
          kind: 'room';
          address: string | null;
          archived_at: Date | null;
        }>(`SELECT id, name, kind, address, archived_at FROM locations WHERE kind = 'room' ORDER BY lower(name), id`);
        const bookings = await tx.query<BookingRow>(
          `SELECT a.location_id, a.starts_at, a.ends_at, t.display_name AS therapist_name, a.status
             FROM appointments a JOIN users t ON t.id = a.therapist_id
            WHERE a.location_id = ANY($1::uuid[]) AND a.status IN ('scheduled', 'attended', 'did_not_attend')
              AND a.starts_at < $3 AND a.ends_at > $2
            ORDER BY a.starts_at, a.id`,
          [rooms.rows.map((r) => r.id), localToUtc(from, '00:00', zone), localToUtc(addDays(to, 1), '00:00', zone)],
        );
        const byRoom = new Map<string, BookingRow[]>();
        for (const b of bookings.rows) {
          const list = byRoom.get(b.location_id);
          if (list) list.push(b);
          else byRoom.set(b.location_id, [b]);
        }
        tx.audit({ action: 'frame.rooms_viewed', details: { from, to, bookings: bookings.rows.length } });
        return rooms.rows
          .filter((room) => room.archived_at === null || byRoom.has(room.id))
          .map((room) => ({
            location: toLocation(room),
            bookings: (byRoom.get(room.id) ?? []).map((b) => ({
              startsAt: b.starts_at.toISOString(),
              endsAt: b.ends_at.toISOString(),
              therapistName: b.therapist_name,
              status: b.status,
            })),
          }));
      });
    },
  );
};
