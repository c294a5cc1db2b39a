import { lazy, Suspense, useState } from 'react';
import { Link, useParams } from 'react-router';
import { hasRole, useCurrentUser } from '../../app/current-user';
import { Badge } from '../../components/Badge';
import { Page } from '../../components/Page';
import { QueryStatus } from '../../components/States';
import { formatDateTime } from '../../lib/format';
import { DecisionForm } from './DecisionForm';
import { STATUS_TONE } from './IntakeCard';
import { ANSWERED } from './queue-filter';
import { ageOf, formatSlot } from './intake-format';
import { useIntake } from './intake-queue-api';
import { iqStrings } from './intake-queue-strings';
import type { Decision, IntakeDetail, IntakePreferences } from './intake-queue-types';

const s = iqStrings.detail;
// Deleting (an administrator's dialog) loads when it is offered, not with every enquiry page.
const DeleteIntake = lazy(() => import('./DeleteIntake').then((m) => ({ default: m.DeleteIntake })));

function list(values: string[]): string {
  return values.length > 0 ? values.join(', ') : s.any;
}

function Preferences({ p }: { p: IntakePreferences }) {
  const rows: [string, string][] = [
    [s.formats, list(p.formats.map((f) => s.format[f]))],
    [s.days, list(p.days.map((d) => s.weekday[d] ?? String(d)))],
    [s.parts, list(p.parts.map((part) => s.part[part]))],
    [s.language, p.language ?? s.any],
    [s.gender, p.therapistGender ? s.gender_[p.therapistGender] : s.any],
    [s.fee, p.feeMaxPence === null ? s.any : `£${(p.feeMaxPence / 100).toFixed(0)}`],
    [s.topics, list(p.topics)],
  ];
  return (
    <dl className="iq-facts">
      {rows.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function Matches({ intake }: { intake: IntakeDetail }) {
  return (
    <section aria-labelledby="iq-matches-heading">
      <h2 id="iq-matches-heading">{s.matches}</h2>
      <p className="iq-muted">{s.matchesLead}</p>
      {intake.matches.length === 0 ? <p>{s.matchesNone}</p> : null}
      <ol className="iq-matches">
        {intake.matches.map((match) => (
          <li key={match.id}>
            <h3>{match.name}</h3>
            <ul>
              {match.reasons.map((reason) => (
                <li key={reason.text} data-fits={reason.fits}>
                  <span className="visually-hidden">{reason.fits ? s.fits : s.doesNotFit}: </span>
                  <span aria-hidden="true">{reason.fits ? '✓ ' : '– '}</span>
                  {reason.text}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </section>
  );
}

/** An accepted enquiry became a client: their therapist goes on to their page, an admin to the invitations. */
function ClientMade({ intake, clientId }: { intake: IntakeDetail; clientId: string }) {
  const me = useCurrentUser();
  const theirs = intake.requestedTherapistId === me.user.id;
  return (
    <p>
      {iqStrings.decide.clientMade(intake.name)}{' '}
      {theirs ? (
        <Link to={`/clients/${clientId}`}>{iqStrings.decide.openClient(intake.name)}</Link>
      ) : hasRole(me, 'admin') ? (
        <Link to="/admin/invitations">{iqStrings.decide.seeInvitations}</Link>
      ) : null}
    </p>
  );
}

function Enquiry({ intake }: { intake: IntakeDetail }) {
  const me = useCurrentUser();
  const mayAnswerRequest = hasRole(me, 'admin') || intake.requestedTherapistId === me.user.id;
  const answered = ANSWERED.includes(intake.status);
  const [sent, setSent] = useState<Decision | null>(null);
  return (
    <>
      <p>
        <Badge tone={STATUS_TONE[intake.status]}>{iqStrings.status[intake.status]}</Badge>{' '}
        {s.lead(ageOf(intake.createdAt) + ' ago', iqStrings.source(intake.source))}
      </p>
      {intake.sameDayReview && !answered ? (
        <div className="notice notice-error iq-urgent-notice" role="note">
          {s.urgent}
        </div>
      ) : null}
      <div className="iq-detail">
        <section aria-labelledby="iq-brings-heading">
          <h2 id="iq-brings-heading">{s.brings}</h2>
          <p className="iq-text">{intake.brings}</p>
          <h3>{s.previousTherapy}</h3>
          <p className="iq-text">{intake.previousTherapy || s.previousNone}</p>
          <h3>{s.risk}</h3>
          <p>{intake.sameDayReview ? s.riskUrgent : s.riskNone}</p>
        </section>
        <section aria-labelledby="iq-prefs-heading">
          <h2 id="iq-prefs-heading">{s.preferences}</h2>
          <Preferences p={intake.preferences} />
          <h3>{s.contact}</h3>
          <p className="iq-text">{intake.email}</p>
          <h3>{s.consent}</h3>
          <p>{s.consentText(formatDateTime(intake.consentAt), intake.consentNotice)}</p>
          <h3>{intake.consultationStart ? s.consultation : s.request}</h3>
          <p>
            {intake.consultationStart && intake.requestedTherapist
              ? `${intake.requestedTherapist}, ${formatSlot(intake.consultationStart)}`
              : intake.requestedStart && intake.requestedTherapist
                ? `${intake.requestedTherapist}, ${formatSlot(intake.requestedStart)}`
                : s.requestNone}
          </p>
        </section>
      </div>
      <Matches intake={intake} />
      {intake.message ? (
        <section aria-labelledby="iq-reply-heading">
          <h2 id="iq-reply-heading">{s.reply}</h2>
          <p className="iq-text">{intake.message}</p>
        </section>
      ) : null}
      <div className={sent ? 'notice notice-success' : 'form-status'} role="status">
        {sent ? iqStrings.decide.sent[sent] : ''}
      </div>
      {answered ? (
        <>
          <p>{iqStrings.decide.answered}</p>
          {intake.clientId ? <ClientMade intake={intake} clientId={intake.clientId} /> : null}
        </>
      ) : (
        <DecisionForm intake={intake} mayAnswerRequest={mayAnswerRequest} onSent={setSent} />
      )}
      {hasRole(me, 'admin') && intake.status !== 'accepted' ? (
        <Suspense fallback={null}>
          <DeleteIntake intake={intake} />
        </Suspense>
      ) : null}
    </>
  );
}

/** One enquiry in full, for triage, with the practice's answer. */
export function IntakeDetailPage() {
  const { id = '' } = useParams();
  const intake = useIntake(id);
  return (
    <Page
      title={intake.data ? s.titleOf(intake.data.name) : iqStrings.queue.title}
      actions={<Link to="/intakes">{s.back}</Link>}
    >
      <QueryStatus query={intake} />
      {intake.data ? <Enquiry intake={intake.data} /> : null}
    </Page>
  );
}
