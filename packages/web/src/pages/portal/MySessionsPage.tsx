import { useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import type { Appointment, Break, Episode, MyFrame, MyMoveRequest } from '../../api/frame-types';
import { Badge, type BadgeTone } from '../../components/Badge';
import { FormStatus } from '../../components/FormStatus';
import { Page } from '../../components/Page';
import { Empty, QueryStatus } from '../../components/States';
import { readerZone, todayIn } from '../../lib/frame-format';
import { CalendarFeedLinks } from '../../components/calendar-feeds/CalendarFeedLinks';
import { useMyFrame } from './portal-api';
import {
  breakNoticeDays,
  breaksAhead,
  cancellationNotice,
  scheduledAhead,
  sessionsCancelledBy,
  shownAtFirst,
  sessionWhen,
  type SessionWhen,
} from './portal-format';
import { portalStrings as s } from './portal-strings';
import { AddToCalendarLink, CancelSessionDialog, MoveRequestDialog } from './SessionActions';
import { TimeZoneForm } from './TimeZoneForm';

function placeOf(a: Appointment): string | null {
  if (a.locationKind === 'online') return s.sessions.online;
  return a.locationName ? s.sessions.at(a.locationName, a.locationAddress) : null;
}

function kindOf(a: Appointment): string {
  return a.kind === 'session' && a.number !== null ? s.sessions.numbered(a.number) : s.sessions.kind[a.kind];
}

function statusOf(a: Appointment): { tone: BadgeTone; text: string } | null {
  switch (a.status) {
    case 'scheduled':
      return a.moveRequested ? { tone: 'waiting', text: s.sessions.moveRequested } : null;
    case 'cancelled_therapist':
      return {
        tone: 'info',
        text: a.breakTitle ? s.sessions.cancelledForBreak(a.breakTitle) : s.sessions.cancelledByTherapist,
      };
    case 'cancelled_client':
      return { tone: 'neutral', text: a.late ? s.sessions.cancelledLate : s.sessions.cancelledByYou };
    case 'moved':
      return { tone: 'neutral', text: s.sessions.moved };
    case 'attended':
      return { tone: 'good', text: s.sessions.attended };
    case 'did_not_attend':
      return { tone: 'neutral', text: s.sessions.didNotAttend };
  }
}

function relativeDay(when: SessionWhen): string | null {
  if (when.daysAway === 0) return s.sessions.today;
  if (when.daysAway === 1) return s.sessions.tomorrow;
  if (when.daysAway > 1 && when.daysAway < 7) return s.sessions.inDays(when.daysAway);
  return null;
}

interface Feedback {
  onDone: (message: string) => void;
}

/** The therapist's answer to the latest request to move a session, when they declined it. */
function declinedReply(appointment: Appointment, requests: MyMoveRequest[]): { reply: string | null } | null {
  if (appointment.status !== 'scheduled' || appointment.moveRequested) return null;
  const latest = requests
    .filter((r) => r.appointmentId === appointment.id)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
  return latest?.status === 'declined' ? { reply: latest.response } : null;
}

/** What a person can do with a session that is still to come as agreed. */
function Actions({ appointment, when, onDone }: { appointment: Appointment; when: SessionWhen } & Feedback) {
  const started = new Date(appointment.startsAt).getTime() <= Date.now();
  return (
    <>
      <AddToCalendarLink appointment={appointment} when={when} />
      {!started && !appointment.moveRequested ? (
        <MoveRequestDialog appointment={appointment} when={when} onSent={onDone} />
      ) : null}
      {!started ? <CancelSessionDialog appointment={appointment} when={when} onCancelled={onDone} /> : null}
    </>
  );
}

function NextSession({
  appointment,
  zone,
  requests,
  onDone,
}: { appointment: Appointment; zone: string; requests: MyMoveRequest[] } & Feedback) {
  const when = sessionWhen(appointment, zone);
  const declined = declinedReply(appointment, requests);
  const place = placeOf(appointment);
  const status = statusOf(appointment);
  const soon = relativeDay(when);
  return (
    <section className="card" aria-labelledby="portal-next">
      <h2 id="portal-next">{s.sessions.nextHeading}</h2>
      <div>
        {soon ? <p className="muted">{soon}</p> : null}
        <h3>
          <time dateTime={appointment.startsAt}>{when.day}</time>
        </h3>
        <p className="lead">{s.sessions.timeLine(when)}</p>
        <p>
          {kindOf(appointment)}
          {place ? ` · ${place}` : ''}
          <br />
          <span className="muted">{s.sessions.with(appointment.therapistName)}</span>
        </p>
        {status ? <Badge tone={status.tone}>{status.text}</Badge> : null}
        {declined ? <p className="muted">{s.sessions.moveDeclined(declined.reply)}</p> : null}
      </div>
      <div className="button-row" role="group" aria-label={s.sessions.actionsFor(when.day)}>
        <Actions appointment={appointment} when={when} onDone={onDone} />
      </div>
    </section>
  );
}

function SessionItem({
  appointment,
  zone,
  withActions,
  requests,
  breaks,
  onDone,
}: {
  appointment: Appointment;
  zone: string;
  withActions: boolean;
  requests: MyMoveRequest[];
  breaks: Break[];
} & Feedback) {
  const when = sessionWhen(appointment, zone);
  const notice = cancellationNotice(appointment, breaks);
  const declined = declinedReply(appointment, requests);
  const place = placeOf(appointment);
  const status = statusOf(appointment);
  const cancelled = appointment.status === 'cancelled_therapist' || appointment.status === 'cancelled_client';
  return (
    <li className="item">
      <div className="item-main">
        <p className="item-title">
          <time dateTime={appointment.startsAt}>{when.day}</time>{' '}
          {status ? <Badge tone={status.tone}>{status.text}</Badge> : null}
        </p>
        <p className="item-meta">
          {s.sessions.timeLine(when)} · {kindOf(appointment)}
          {place && !cancelled ? ` · ${place}` : ''}
        </p>
        {notice !== null ? <p className="item-meta">{s.sessions.toldAhead(notice)}</p> : null}
        {declined ? <p className="item-meta">{s.sessions.moveDeclined(declined.reply)}</p> : null}
      </div>
      {withActions && appointment.status === 'scheduled' ? (
        <div className="item-actions" role="group" aria-label={s.sessions.actionsFor(when.day)}>
          <Actions appointment={appointment} when={when} onDone={onDone} />
        </div>
      ) : null}
    </li>
  );
}

function Remaining({ episodes }: { episodes: Episode[] }) {
  const lines = episodes
    .filter((e) => (e.status === 'active' || e.status === 'ending') && e.sessionsRemaining !== null)
    .map((e) => {
      const n = e.sessionsRemaining ?? 0;
      const text = e.endingDate
        ? s.sessions.remainingEnding(n, e.endingDate)
        : e.kind === 'brief' && e.sessionCount !== null
          ? s.sessions.remainingBrief(n, e.sessionCount)
          : null;
      return text ? { id: e.id, text: episodes.length > 1 ? `${e.therapistName}: ${text}` : text } : null;
    })
    .filter((line): line is { id: string; text: string } => line !== null);
  const paused = episodes.filter((e) => e.status === 'paused');
  if (lines.length === 0 && paused.length === 0) return null;
  return (
    <div className="notice notice-info">
      {lines.map((line) => (
        <p key={line.id}>{line.text}</p>
      ))}
      {paused.map((e) => (
        <p key={e.id}>{s.sessions.paused(e.therapistName)}</p>
      ))}
    </div>
  );
}

function breakTitle(brk: Break): string {
  if (brk.kind === 'bank_holiday') return brk.title || s.breaks.bankHoliday;
  return brk.title;
}

function breakWho(brk: Break): string {
  if (brk.kind === 'therapist') return s.breaks.therapistBreak(brk.therapistName);
  if (brk.kind === 'practice') return s.breaks.practiceBreak;
  return s.breaks.bankHoliday;
}

function BreaksAhead({ frame, today }: { frame: MyFrame; today: string }) {
  const breaks = breaksAhead(frame.breaks, today);
  return (
    <section className="stack-small" aria-labelledby="portal-breaks">
      <h2 id="portal-breaks">{s.breaks.heading}</h2>
      {breaks.length === 0 ? (
        <Empty>{s.breaks.none}</Empty>
      ) : (
        <ul className="item-list" aria-label={s.breaks.label}>
          {breaks.map((brk) => {
            const cancelled = sessionsCancelledBy(brk, frame.upcoming).length;
            const days = breakNoticeDays(brk, frame.therapistTimeZone);
            return (
              <li className="item" key={brk.id}>
                <div className="item-main">
                  <p className="item-title">{breakTitle(brk)}</p>
                  <p className="item-meta">
                    {breakWho(brk)} · {s.breaks.dates(brk.startsOn, brk.endsOn)}
                  </p>
                  <p className="item-meta">
                    {s.breaks.notice(days, todayIn(frame.therapistTimeZone, new Date(brk.createdAt)))}
                  </p>
                  <p className="item-meta">{s.breaks.cancels(cancelled)}</p>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

function SessionsContent({ frame, onDone }: { frame: MyFrame } & Feedback) {
  const zone = readerZone(frame.timeZone);
  const requests = frame.moveRequests;
  const today = todayIn(zone);
  const ahead = scheduledAhead(frame.upcoming);
  const next = ahead[0];
  const rest = [...frame.upcoming]
    .filter((a) => a.id !== next?.id && a.status !== 'moved')
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const recent = [...frame.recent].sort((a, b) => b.startsAt.localeCompare(a.startsAt));
  const [showAll, setShowAll] = useState(false);
  const first = shownAtFirst(rest);
  const shown = showAll ? rest : rest.slice(0, first);
  // Every episode ended: say so, rather than suggesting times are still to be agreed.
  const ended =
    frame.episodes.length > 0 && frame.episodes.every((e) => e.status === 'ended')
      ? ([...frame.episodes].sort((a, b) => (b.endingDate ?? '').localeCompare(a.endingDate ?? ''))[0] ?? null)
      : null;

  return (
    <div className="stack">
      <Remaining episodes={frame.episodes} />
      {next ? (
        <NextSession appointment={next} zone={zone} requests={requests} onDone={onDone} />
      ) : (
        <Empty>{ended ? s.sessions.ended(ended.endingDate) : s.sessions.noneUpcoming}</Empty>
      )}
      <BreaksAhead frame={frame} today={today} />
      {next || rest.length > 0 ? (
        <section className="stack-small" aria-labelledby="portal-upcoming">
          <h2 id="portal-upcoming">{s.sessions.upcomingHeading}</h2>
          {rest.length === 0 ? (
            <Empty>{s.sessions.noneUpcomingMore}</Empty>
          ) : (
            <ul className="item-list" aria-label={s.sessions.upcomingLabel}>
              {shown.map((a) => (
                <SessionItem
                  key={a.id}
                  appointment={a}
                  zone={zone}
                  withActions
                  requests={requests}
                  breaks={frame.breaks}
                  onDone={onDone}
                />
              ))}
            </ul>
          )}
          {rest.length > first ? (
            <Button className="button button-quiet" onPress={() => setShowAll((v) => !v)}>
              {showAll ? s.sessions.showFewer : s.sessions.showAll(rest.length)}
            </Button>
          ) : null}
        </section>
      ) : null}
      {recent.length > 0 ? (
        <section className="stack-small" aria-labelledby="portal-recent">
          <h2 id="portal-recent">{s.sessions.recentHeading}</h2>
          <ul className="item-list" aria-label={s.sessions.recentLabel}>
            {recent.map((a) => (
              <SessionItem
                key={a.id}
                appointment={a}
                zone={zone}
                withActions={false}
                requests={requests}
                breaks={frame.breaks}
                onDone={onDone}
              />
            ))}
          </ul>
        </section>
      ) : null}
      <CalendarFeedLinks words={s.calendar} />
      <TimeZoneForm chosen={frame.timeZone} />
    </div>
  );
}

/** The client's sessions: the next one first, then what is coming, breaks, and calendar and zone settings. */
export function MySessionsPage() {
  const frame = useMyFrame();
  const [status, setStatus] = useState<string | null>(null);
  const statusRegion = useRef<HTMLDivElement>(null);
  const done = (message: string) => {
    setStatus(message);
    // The button that opened the dialog may be gone (a cancelled session has no actions): keep the
    // keyboard at the top, where the outcome is said.
    window.setTimeout(() => statusRegion.current?.focus(), 0);
  };
  return (
    <Page title={s.sessions.title} lead={s.sessions.lead}>
      <div ref={statusRegion} tabIndex={-1}>
        <FormStatus success={status} />
      </div>
      <QueryStatus query={frame} />
      {frame.data ? <SessionsContent frame={frame.data} onDone={done} /> : null}
    </Page>
  );
}
