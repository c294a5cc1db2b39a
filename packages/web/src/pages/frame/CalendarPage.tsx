import { Link } from 'react-router';
import { useCalendar, useCaseload, useFrameSettings } from '../../api/frame';
import type { Absence, Appointment, Break } from '../../api/frame-types';
import { Badge } from '../../components/Badge';
import { Page } from '../../components/Page';
import { QueryStatus } from '../../components/States';
import { formatIsoDate, formatTimeRange, todayIn, zoneLabel } from '../../lib/frame-format';
import { frameStrings as t } from './frame-strings';
import { appointmentStatusLabel, appointmentTone, instantToWallTime } from './frame-words';
import { WeekNav, useWeek } from './WeekNav';

const covers = (range: { startsOn: string; endsOn: string }, day: string) =>
  range.startsOn <= day && day <= range.endsOn;

function Day({
  day,
  today,
  zone,
  appointments,
  breaks,
  absences,
  names,
}: {
  day: string;
  today: boolean;
  zone: string;
  appointments: Appointment[];
  breaks: Break[];
  absences: Absence[];
  names: Map<string, string>;
}) {
  const id = `day-${day}`;
  const label = formatIsoDate(day);
  return (
    <section className={today ? 'day day-today' : 'day'} aria-labelledby={id}>
      <h3 id={id}>
        {label}
        {today ? <span className="muted"> · {t.calendar.today}</span> : null}
      </h3>
      {breaks.map((b) => (
        <p key={b.id} className="day-note day-break">
          {t.calendar.breakOn(b.title)}
        </p>
      ))}
      {absences.map((a) => (
        <p key={a.id} className="day-note">
          {t.calendar.awayOn(names.get(a.clientId) ?? t.client.titleFallback)}
        </p>
      ))}
      {appointments.length === 0 ? (
        <p className="muted day-empty">{t.calendar.noSessions}</p>
      ) : (
        <ol className="day-list" aria-label={t.calendar.dayList(label)}>
          {appointments.map((a) => (
            <li key={a.id} className="day-item" data-status={a.status}>
              <time className="day-time" dateTime={a.startsAt}>
                {formatTimeRange(a.startsAt, a.endsAt, zone)}
              </time>
              <span className="day-what">
                <Link to={`/clients/${encodeURIComponent(a.clientId)}`}>{a.clientName}</Link>
                <span className="muted">
                  {a.kind === 'session' ? '' : ` · ${t.kinds[a.kind]}`}
                  {a.locationName ? ` · ${a.locationName}` : ''}
                </span>
              </span>
              <Badge tone={appointmentTone(a)}>{appointmentStatusLabel(a)}</Badge>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** The therapist's week, one list per day (readable by keyboard and screen reader), in their own zone. */
export function CalendarPage() {
  const settings = useFrameSettings();
  const zone = settings.data?.timeZone ?? 'Europe/London';
  const week = useWeek(zone);
  const calendar = useCalendar(week.monday, week.sunday);
  const caseload = useCaseload();
  const names = new Map((caseload.data ?? []).map((row) => [row.clientId, row.clientName]));
  const today = todayIn(zone);
  const shown = (calendar.data?.appointments ?? [])
    .filter((a) => a.status !== 'moved')
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const sessions = shown.filter((a) => a.status === 'scheduled' || a.status === 'attended').length;
  const byDay = new Map<string, Appointment[]>();
  for (const a of shown) {
    const date = instantToWallTime(a.startsAt, zone).date;
    byDay.set(date, [...(byDay.get(date) ?? []), a]);
  }

  return (
    <Page title={t.calendar.title} lead={t.calendar.lead}>
      <QueryStatus query={settings} />
      {settings.data ? (
        <>
          <WeekNav monday={week.monday} isThisWeek={week.isThisWeek} />
          <QueryStatus query={calendar} />
          {calendar.data ? (
            <div className="stack-small">
              <p>
                {t.calendar.summary(sessions, calendar.data.breaks.length)} {t.calendar.timesIn(zoneLabel(zone))}
              </p>
              <div className="week">
                {week.days.map((day) => (
                  <Day
                    key={day}
                    day={day}
                    today={day === today}
                    zone={zone}
                    appointments={byDay.get(day) ?? []}
                    breaks={calendar.data.breaks.filter((b) => covers(b, day))}
                    absences={calendar.data.absences.filter((a) => covers(a, day))}
                    names={names}
                  />
                ))}
              </div>
            </div>
          ) : null}
        </>
      ) : null}
    </Page>
  );
}
