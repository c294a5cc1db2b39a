import { useState } from 'react';
import { useLocation } from 'react-router';
import { hasRole, useCurrentUser } from '../../app/current-user';
import { FormStatus } from '../../components/FormStatus';
import { Page } from '../../components/Page';
import { SelectField } from '../../components/SelectField';
import { Empty, QueryStatus } from '../../components/States';
import { IntakeCard } from './IntakeCard';
import { RetentionSetting } from './RetentionSetting';
import { useIntakeQueue } from './intake-queue-api';
import { iqStrings } from './intake-queue-strings';
import type { IntakeStatus } from './intake-queue-types';
import { splitQueue, type Show, type Whose } from './queue-filter';

const s = iqStrings.queue;
const STATUSES = Object.keys(iqStrings.status) as IntakeStatus[];

/** A message another page left for this one (an enquiry deleted). */
function useArrivalMessage(): string | null {
  const state: unknown = useLocation().state;
  if (state && typeof state === 'object' && 'message' in state && typeof state.message === 'string') {
    return state.message;
  }
  return null;
}

/**
 * The practice's enquiries: anyone flagged for same-day review first, in their own marked section
 * whatever the filter; then the queue and the waiting list, filtered by status (and, for a
 * therapist, to the requests addressed to them); and how long enquiries that did not become
 * clients are kept (an administrator changes it).
 */
export function IntakeQueuePage() {
  const me = useCurrentUser();
  const queue = useIntakeQueue();
  const [show, setShow] = useState<Show>('open');
  const [whose, setWhose] = useState<Whose>('all');
  const { urgent, rest } = splitQueue(queue.data?.intakes ?? [], show, whose, me.user.id);
  const arrival = useArrivalMessage();
  return (
    <Page title={s.title} lead={s.lead}>
      <FormStatus success={arrival} />
      <QueryStatus query={queue} />
      {queue.data ? (
        <>
          <section className="iq-urgent" aria-labelledby="iq-urgent-heading">
            <h2 id="iq-urgent-heading">{s.urgentHeading}</h2>
            {urgent.length > 0 ? (
              <>
                <p>{s.urgentLead}</p>
                <ul className="iq-list">
                  {urgent.map((intake) => (
                    <IntakeCard key={intake.id} intake={intake} />
                  ))}
                </ul>
              </>
            ) : (
              <p>{s.urgentNone}</p>
            )}
          </section>
          <section aria-labelledby="iq-list-heading">
            <h2 id="iq-list-heading">{s.listHeading}</h2>
            <div className="iq-filters">
              <SelectField<Show>
                label={s.filterStatus}
                name="show"
                value={show}
                onChange={setShow}
                options={[
                  { value: 'open', label: s.open },
                  { value: 'all', label: s.all },
                  ...STATUSES.filter((st) => st !== 'same_day_review').map((value) => ({
                    value,
                    label: iqStrings.status[value],
                  })),
                ]}
              />
              {hasRole(me, 'therapist') ? (
                <SelectField<Whose>
                  label={s.filterWhose}
                  name="whose"
                  value={whose}
                  onChange={setWhose}
                  options={[
                    { value: 'all', label: s.whoseAll },
                    { value: 'mine', label: s.whoseMine },
                  ]}
                />
              ) : null}
            </div>
            {rest.length === 0 ? <Empty>{s.none}</Empty> : null}
            {rest.length > 0 ? (
              <ul className="iq-list" aria-labelledby="iq-list-heading">
                {rest.map((intake) => (
                  <IntakeCard key={intake.id} intake={intake} />
                ))}
              </ul>
            ) : null}
          </section>
        </>
      ) : null}
      <RetentionSetting />
    </Page>
  );
}
