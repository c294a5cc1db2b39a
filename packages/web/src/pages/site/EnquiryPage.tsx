import { useEffect, useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { FormStatus } from '../../components/FormStatus';
import { Page } from '../../components/Page';
import { LoadError, Loading } from '../../components/States';
import { CrisisResourcesPanel } from './CrisisResourcesPanel';
import { MatchList } from './MatchList';
import { useEnquiry, useRequestConsultation } from './intake-api';
import { intakeStrings } from './intake-strings';
import { dateLabel, whenLabel } from './intake-times';
import type { IntakeStatus } from './intake-types';

const s = intakeStrings.page;
/** The states in which the person may still choose a time or join the waiting list. */
const OPEN: IntakeStatus[] = ['new', 'requested', 'waiting_list', 'time_proposed'];

/** Tells search engines not to index the page and browsers not to pass its address on (the header says so too). */
function usePrivatePageMeta(): void {
  useEffect(() => {
    const added = [
      ['robots', 'noindex, nofollow'],
      ['referrer', 'no-referrer'],
    ].map(([name, content]) => {
      const meta = document.createElement('meta');
      meta.name = name ?? '';
      meta.content = content ?? '';
      document.head.append(meta);
      return meta;
    });
    return () => added.forEach((meta) => meta.remove());
  }, []);
}

/**
 * The person's own page, reached through the private link in their e-mail (the token in the address is
 * the only key; no account). Where their enquiry stands in plain words, the therapists ranked for them
 * with what fits and what does not, real free times to ask for, or the waiting list; later, the
 * practice's reply. An enquiry marked for same-day review shows crisis lines and nothing to book.
 */
export function EnquiryPage() {
  usePrivatePageMeta();
  const { token = '' } = useParams();
  const location = useLocation();
  const [justSent] = useState(() => (location.state as { justSent?: boolean } | null)?.justSent === true);
  const enquiry = useEnquiry(token);
  const waiting = useRequestConsultation(token);

  if (enquiry.isPending) return <Loading label={s.loading} />;
  if (enquiry.isError) {
    return (
      <Page title={s.notFound}>
        <LoadError error={enquiry.error} onRetry={() => void enquiry.refetch()} />
      </Page>
    );
  }
  const view = enquiry.data;
  const open = OPEN.includes(view.status) && !view.sameDayReview;
  return (
    <Page title={s.title} lead={s.practice(view.practiceName)}>
      <div className="enquiry">
        {justSent ? (
          <section className="notice notice-success enquiry-sent" aria-labelledby="enquiry-sent-heading">
            <h2 id="enquiry-sent-heading">{s.sentHeading}</h2>
            <p>{view.sameDayReview ? s.sameDaySent : s.sent}</p>
          </section>
        ) : null}
        {view.sameDayReview ? (
          <CrisisResourcesPanel headingId="enquiry-urgent-heading" heading={s.urgentHeading} />
        ) : null}
        <section aria-labelledby="enquiry-status-heading">
          <h2 id="enquiry-status-heading">{s.statusHeading}</h2>
          <p className="enquiry-status" data-status={view.status}>
            {s.status[view.status]}
          </p>
          {view.request ? <p>{s.requestedWith(view.request.therapistName, whenLabel(view.request.start))}</p> : null}
          {view.message ? (
            <>
              <h3>{s.messageHeading}</h3>
              <p className="profile-text enquiry-message">{view.message}</p>
            </>
          ) : null}
          <p className="field-hint">
            {s.sentOn(dateLabel(view.createdAt))} {s.consentOn(dateLabel(view.consentAt))}
          </p>
        </section>
        {!view.sameDayReview ? (
          <MatchList token={token} slug={view.practiceSlug} matches={view.matches} canRequest={open} />
        ) : null}
        {open && view.status !== 'waiting_list' ? (
          <section aria-labelledby="enquiry-waiting-heading">
            <h2 id="enquiry-waiting-heading">{s.waitingHeading}</h2>
            <p>{s.waitingLead}</p>
            <FormStatus
              pending={waiting.isPending}
              error={waiting.error}
              success={waiting.isSuccess ? s.joined : null}
            />
            <button
              type="button"
              className="button button-secondary"
              disabled={waiting.isPending}
              onClick={() => waiting.mutate({ kind: 'waiting_list' })}
            >
              {s.joinWaiting}
            </button>
          </section>
        ) : null}
        {view.practiceSlug ? (
          <p>
            <Link to={`/p/${view.practiceSlug}`}>{view.practiceName}</Link>
          </p>
        ) : null}
      </div>
    </Page>
  );
}
