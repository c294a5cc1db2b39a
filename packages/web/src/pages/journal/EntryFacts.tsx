import { Link } from 'react-router';
import type { Entry } from '../../api/journal-types';
import { formatDayLong, readerZone } from '../../lib/frame-format';
import { useDreams, useMySessions } from './journal-api';
import { calendarDate, dayAndTime, dayLong, minutesOf } from './journal-format';
import { journalPaths } from './journal-paths';
import { journalStrings as s } from './journal-strings';

function dreamFlags(entry: Entry): string | null {
  const flags = [entry.nightmare ? s.markers.nightmare : null, entry.lucid ? s.markers.lucid : null].filter(Boolean);
  return flags.length > 0 ? flags.join(', ') : null;
}

/** When it was written, how long it is, and what kind of entry says about itself. */
export function EntryFacts({ entry }: { entry: Entry }) {
  const changed = entry.updatedAt !== entry.createdAt;
  const flags = entry.kind === 'dream' ? dreamFlags(entry) : null;
  const spent = entry.kind === 'free_association' && (entry.secondsSpent > 0 || entry.timerMinutes);
  return (
    <dl className="item-facts journal-facts">
      <div>
        <dt>{s.entry.written}</dt>
        <dd>
          <time dateTime={entry.createdAt}>{dayAndTime(entry.createdAt)}</time>
        </dd>
      </div>
      {changed ? (
        <div>
          <dt>{s.entry.changed}</dt>
          <dd>
            <time dateTime={entry.updatedAt}>{dayAndTime(entry.updatedAt)}</time>
          </dd>
        </div>
      ) : null}
      {entry.kind === 'dream' && entry.dreamtOn ? (
        <div>
          <dt>{s.entry.dreamt}</dt>
          <dd>
            {s.entry.dreamtValue(calendarDate(entry.dreamtOn), entry.dreamPeriod ? s.periods[entry.dreamPeriod] : null)}
          </dd>
        </div>
      ) : null}
      {flags ? (
        <div>
          <dt>{s.entry.flags}</dt>
          <dd>{flags}</dd>
        </div>
      ) : null}
      {entry.kind === 'check_in' && entry.mood !== null ? (
        <div>
          <dt>{s.entry.mood}</dt>
          <dd>{s.entry.moodValue(entry.mood)}</dd>
        </div>
      ) : null}
      {entry.wordCount > 0 ? (
        <div>
          <dt>{s.entry.words}</dt>
          <dd>{s.timeline.words(entry.wordCount)}</dd>
        </div>
      ) : null}
      {spent ? (
        <div>
          <dt>{s.entry.spent}</dt>
          <dd>
            {s.entry.minutes(minutesOf(entry.secondsSpent))}
            {entry.timerMinutes ? ` ${s.entry.timer(entry.timerMinutes)}` : ''}
          </dd>
        </div>
      ) : null}
    </dl>
  );
}

/** The session an entry was written about (a reflection after a session, say). */
export function LinkedSession({ appointmentId }: { appointmentId: string }) {
  const frame = useMySessions(true);
  const all = [...(frame.data?.upcoming ?? []), ...(frame.data?.recent ?? [])];
  const session = all.find((a) => a.id === appointmentId);
  const zone = readerZone(frame.data?.timeZone);
  return (
    <section className="card journal-side" aria-labelledby="journal-session">
      <h2 id="journal-session">{s.entry.session}</h2>
      <p>
        <Link to="/sessions">
          {session ? (
            <time dateTime={session.startsAt}>{s.entry.sessionOn(formatDayLong(session.startsAt, zone))}</time>
          ) : (
            s.entry.sessionUnknown
          )}
        </Link>
      </p>
    </section>
  );
}

/** The earlier dreams a dream comes back to, each a link (named by its night, or the day written). */
export function RecurringDreams({ ids }: { ids: string[] }) {
  const dreams = useDreams(true);
  return (
    <section className="card journal-side" aria-labelledby="journal-recurs">
      <h2 id="journal-recurs">{s.entry.recursHeading}</h2>
      <p className="muted">{s.entry.recursLead}</p>
      <ul className="journal-links" aria-label={s.entry.recursLabel}>
        {ids.map((id) => {
          const dream = dreams.data?.find((d) => d.id === id);
          if (dreams.data && !dream) return <li key={id}>{s.entry.earlierGone}</li>;
          const day = dream ? (dream.dreamtOn ? calendarDate(dream.dreamtOn) : dayLong(dream.createdAt)) : null;
          return (
            <li key={id}>
              <Link to={journalPaths.entry(id)}>{day ? s.entry.earlierDream(day) : s.kinds.dream}</Link>
              {dream?.excerpt.trim() ? (
                <span className="journal-link-excerpt" dir="auto">
                  {dream.excerpt}
                </span>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
