import { useRoomUsage, type RoomUsage } from '../../api/frame';
import type { AppointmentStatus } from '../../api/frame-types';
import { Badge, type BadgeTone } from '../../components/Badge';
import { Page } from '../../components/Page';
import { Empty, QueryStatus } from '../../components/States';
import { formatDayLong, formatTimeRange, readerZone } from '../../lib/frame-format';
import { frameStrings as t } from './frame-strings';
import { LocationsSection } from './LocationsSection';
import { WeekNav, useWeek } from './WeekNav';

function bookingBadge(status: AppointmentStatus): { tone: BadgeTone; label: string } {
  if (status === 'attended') return { tone: 'good', label: t.appointmentStatus.attended };
  if (status === 'did_not_attend') return { tone: 'neutral', label: t.appointmentStatus.did_not_attend };
  return { tone: 'info', label: t.appointmentStatus.scheduled };
}

function RoomWeek({ usage, zone }: { usage: RoomUsage; zone: string }) {
  const id = `room-${usage.location.id}`;
  const bookings = [...usage.bookings].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  return (
    <section className="stack-small" aria-labelledby={id}>
      <h4 id={id}>{usage.location.name}</h4>
      {bookings.length === 0 ? (
        <p className="muted">{t.rooms.free}</p>
      ) : (
        <table className="table table-stack">
          <caption className="visually-hidden">{t.rooms.tableCaption(usage.location.name)}</caption>
          <thead>
            <tr>
              <th scope="col">{t.rooms.day}</th>
              <th scope="col">{t.rooms.time}</th>
              <th scope="col">{t.rooms.therapist}</th>
              <th scope="col">{t.rooms.status}</th>
            </tr>
          </thead>
          <tbody>
            {bookings.map((booking) => (
              <tr key={`${booking.startsAt}-${booking.therapistName}`}>
                <td data-label={t.rooms.day}>{formatDayLong(booking.startsAt, zone)}</td>
                <td data-label={t.rooms.time}>{formatTimeRange(booking.startsAt, booking.endsAt, zone)}</td>
                <td data-label={t.rooms.therapist}>{booking.therapistName}</td>
                <td data-label={t.rooms.status}>
                  <Badge tone={bookingBadge(booking.status).tone}>{bookingBadge(booking.status).label}</Badge>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** The practice's rooms (admin): add and archive them, and see who uses each room in a week. */
export function RoomsPage() {
  const zone = readerZone();
  const week = useWeek(zone);
  const usage = useRoomUsage(week.monday, week.sunday);
  const rooms = (usage.data ?? []).filter((u) => u.location.kind === 'room');
  return (
    <Page title={t.rooms.title} lead={t.rooms.lead}>
      <div className="stack">
        <LocationsSection />
        <section className="stack-small" aria-labelledby="room-use-heading">
          <h2 id="room-use-heading">{t.rooms.useHeading}</h2>
          <WeekNav monday={week.monday} isThisWeek={week.isThisWeek} headingLevel={3} />
          <QueryStatus query={usage} />
          {usage.data && rooms.length === 0 ? <Empty>{t.rooms.noRooms}</Empty> : null}
          {rooms.map((room) => (
            <RoomWeek key={room.location.id} usage={room} zone={zone} />
          ))}
        </section>
      </div>
    </Page>
  );
}
