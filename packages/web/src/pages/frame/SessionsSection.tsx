import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useAppointments } from '../../api/frame';
import type { Appointment, Episode, Location } from '../../api/frame-types';
import { Badge } from '../../components/Badge';
import { FormStatus } from '../../components/FormStatus';
import { Empty, QueryStatus } from '../../components/States';
import { formatDayLong, formatTimeRange } from '../../lib/frame-format';
import { frameStrings as t } from './frame-strings';
import { appointmentStatusLabel, appointmentTone, canMark } from './frame-words';
import { AttendanceDialog, MoveDialog } from './SessionDialogs';
import { useFocusRescue } from '../../components/use-focus-rescue';

const UPCOMING_FIRST = 8;
const PAST_FIRST = 10;

function SessionItem({
  appointment,
  episode,
  locations,
  onChange,
}: {
  appointment: Appointment;
  episode: Episode;
  locations: Location[];
  onChange: (message: string) => void;
}) {
  const zone = appointment.timeZone;
  const future = new Date(appointment.startsAt) > new Date();
  const movable = appointment.status === 'scheduled' && future;
  const place = appointment.locationName ?? (appointment.locationKind === 'online' ? t.sessions.online : null);
  return (
    <li className="item session-item">
      <div className="item-main">
        <p className="item-title">
          <time dateTime={appointment.startsAt}>
            {formatDayLong(appointment.startsAt, zone)},{' '}
            {formatTimeRange(appointment.startsAt, appointment.endsAt, zone)}
          </time>
        </p>
        <p className="item-meta">
          {[
            appointment.kind === 'session' && appointment.number
              ? t.sessions.number(appointment.number)
              : t.kinds[appointment.kind],
            place,
            appointment.movedFromId ? t.sessions.movedFrom : null,
          ]
            .filter(Boolean)
            .join(' · ')}
        </p>
        <p className="badge-row">
          <Badge tone={appointmentTone(appointment)}>{appointmentStatusLabel(appointment)}</Badge>
          {appointment.moveRequested ? <Badge tone="waiting">{t.appointmentStatus.moveRequested}</Badge> : null}
        </p>
      </div>
      {canMark(appointment) || movable ? (
        <div className="item-actions">
          {canMark(appointment) ? (
            <AttendanceDialog appointment={appointment} policy={episode.effectivePolicy} onDone={onChange} />
          ) : null}
          {movable ? <MoveDialog appointment={appointment} locations={locations} onDone={onChange} /> : null}
        </div>
      ) : null}
    </li>
  );
}

function SessionList({
  items,
  first,
  label,
  ...rest
}: {
  items: Appointment[];
  first: number;
  label: string;
  episode: Episode;
  locations: Location[];
  onChange: (message: string) => void;
}) {
  const [all, setAll] = useState(false);
  const shown = all ? items : items.slice(0, first);
  return (
    <>
      <ul className="item-list" aria-label={label}>
        {shown.map((appointment) => (
          <SessionItem key={appointment.id} appointment={appointment} {...rest} />
        ))}
      </ul>
      {items.length > first ? (
        <Button className="button button-quiet" onPress={() => setAll((v) => !v)}>
          {all ? t.common.showFewer : t.common.showMore(items.length - first)}
        </Button>
      ) : null}
    </>
  );
}

/** The episode's sessions: what is coming up (to move), and what has been (to mark). */
export function SessionsSection({ episode, locations }: { episode: Episode; locations: Location[] }) {
  const appointments = useAppointments(episode.id);
  const [message, setMessage] = useState<string | null>(null);
  const { target, rescue } = useFocusRescue<HTMLHeadingElement>();
  const now = new Date();
  const list = appointments.data ?? [];
  const upcoming = list.filter((a) => new Date(a.startsAt) > now).sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const past = list.filter((a) => new Date(a.startsAt) <= now).sort((a, b) => b.startsAt.localeCompare(a.startsAt));
  const unmarked = past.filter((a) => a.status === 'scheduled').length;
  const onChange = (m: string) => {
    setMessage(m);
    rescue();
  };
  const shared = { episode, locations, onChange };

  return (
    <section className="stack-small" aria-labelledby="sessions-heading">
      <h2 id="sessions-heading" ref={target} tabIndex={-1}>
        {t.sessions.heading}
      </h2>
      <FormStatus success={message} />
      <QueryStatus query={appointments} />
      {appointments.data ? (
        <>
          <h3 id="sessions-upcoming">{t.sessions.upcoming}</h3>
          {upcoming.length === 0 ? (
            <Empty>{t.sessions.noUpcoming}</Empty>
          ) : (
            <SessionList items={upcoming} first={UPCOMING_FIRST} label={t.sessions.upcoming} {...shared} />
          )}
          <h3 id="sessions-past">{t.sessions.past}</h3>
          {unmarked > 0 ? <p className="notice notice-warning">{t.sessions.needMarking(unmarked)}</p> : null}
          {past.length === 0 ? (
            <Empty>{t.sessions.noPast}</Empty>
          ) : (
            <SessionList items={past} first={PAST_FIRST} label={t.sessions.past} {...shared} />
          )}
        </>
      ) : null}
    </section>
  );
}
