import { useState } from 'react';
import { Badge, type BadgeTone } from '../../components/Badge';
import { ActionButton } from '../../components/ActionButton';
import { FormStatus } from '../../components/FormStatus';
import { SelectField } from '../../components/SelectField';
import { Empty, QueryStatus } from '../../components/States';
import { formatDateTime } from '../../lib/format';
import { useCatalogue } from './measures-api';
import {
  useAddSchedule,
  useClientQuestionnaires,
  useSendNow,
  useStopSchedule,
  type ClientQuestionnaires,
  type Timing,
} from './questionnaire-requests-api';
import { requestsStrings as r } from './questionnaire-requests-strings';

const TONES: Record<'open' | 'completed' | 'expired', BadgeTone> = {
  open: 'waiting',
  completed: 'good',
  expired: 'neutral',
};
const TIMINGS = Object.entries(r.timings).map(([value, label]) => ({ value: value as Timing, label }));

function useInstrumentOptions() {
  const catalogue = useCatalogue();
  return (catalogue.data?.instruments ?? [])
    .filter((i) => i.status === 'active')
    .map((i) => ({ value: i.instrumentId, label: `${i.name} — ${i.title}` }));
}

function SendNow({ clientId }: { clientId: string }) {
  const options = useInstrumentOptions();
  const [instrumentId, setInstrumentId] = useState('phq-9');
  const send = useSendNow(clientId);
  return (
    <form
      className="stack-small"
      aria-labelledby="send-now-heading"
      onSubmit={(event) => {
        event.preventDefault();
        send.mutate(instrumentId);
      }}
    >
      <h3 id="send-now-heading">{r.sendHeading}</h3>
      {options.length > 0 ? (
        <SelectField
          label={r.instrument}
          name="instrument"
          value={instrumentId}
          onChange={setInstrumentId}
          options={options}
        />
      ) : null}
      <FormStatus
        pending={send.isPending}
        error={send.error}
        success={send.data ? r.sent(send.data.request.instrumentName) : null}
      />
      <div className="button-row">
        <ActionButton type="submit" className="button button-primary" isPending={send.isPending}>
          {r.send}
        </ActionButton>
      </div>
    </form>
  );
}

function Schedule({ clientId, data }: { clientId: string; data: ClientQuestionnaires }) {
  const options = useInstrumentOptions();
  const [instrumentId, setInstrumentId] = useState('phq-9');
  const [timing, setTiming] = useState<Timing>('every_session');
  const [count, setCount] = useState('4');
  const episodeId = data.episodeId ?? '';
  const add = useAddSchedule(clientId, episodeId);
  const stop = useStopSchedule(clientId);
  if (!data.episodeId) return <p>{r.noEpisode}</p>;
  const n = Number(count);
  return (
    <div className="stack-small">
      {data.schedules.length === 0 ? (
        <p>{r.noSchedule}</p>
      ) : (
        <ul className="stack-small">
          {data.schedules.map((s) => {
            const when = r.timingText(s.timing, s.everyN, s.monthsAfter);
            return (
              <li key={s.id}>
                {s.instrumentName}, {when}{' '}
                <ActionButton
                  className="button button-quiet"
                  aria-label={r.stopLabel(s.instrumentName, when)}
                  isPending={stop.isPending}
                  onPress={() => stop.mutate(s.id)}
                >
                  {r.stop}
                </ActionButton>
              </li>
            );
          })}
        </ul>
      )}
      <form
        className="stack-small"
        onSubmit={(event) => {
          event.preventDefault();
          add.mutate({
            instrumentId,
            timing,
            ...(timing === 'every_n_sessions' ? { everyN: n } : {}),
            ...(timing === 'follow_up' ? { monthsAfter: n } : {}),
          });
        }}
      >
        {options.length > 0 ? (
          <SelectField
            label={r.instrument}
            name="schedule-instrument"
            value={instrumentId}
            onChange={setInstrumentId}
            options={options}
          />
        ) : null}
        <SelectField label={r.timing} name="timing" value={timing} onChange={setTiming} options={TIMINGS} />
        {timing === 'every_n_sessions' || timing === 'follow_up' ? (
          <div className="field">
            <label className="field-label" htmlFor="schedule-count">
              {timing === 'follow_up' ? r.monthsAfter : r.everyN}
            </label>
            <input
              id="schedule-count"
              className="field-input"
              type="number"
              inputMode="numeric"
              min={1}
              max={52}
              value={count}
              onChange={(event) => setCount(event.target.value)}
            />
          </div>
        ) : null}
        <FormStatus
          pending={add.isPending || stop.isPending}
          error={add.error ?? stop.error}
          success={add.isSuccess ? r.added : stop.isSuccess ? r.stopped : null}
        />
        <div className="button-row">
          <ActionButton type="submit" className="button button-secondary" isPending={add.isPending}>
            {r.add}
          </ActionButton>
        </div>
      </form>
    </div>
  );
}

function Requests({ data }: { data: ClientQuestionnaires }) {
  if (data.requests.length === 0) return <Empty>{r.noRequests}</Empty>;
  // A list, not a table: the page's one table is the results.
  return (
    <ul className="questionnaire-requests" aria-label={r.requestsHeading}>
      {data.requests.map((q) => (
        <li key={q.id} className="questionnaire-request">
          <strong>{q.instrumentName}</strong> <Badge tone={TONES[q.status]}>{r.status[q.status]}</Badge>
          <br />
          {q.sessionStartsAt
            ? r.forSession(formatDateTime(q.sessionStartsAt))
            : q.scheduleId
              ? r.fromSchedule
              : r.sentNow}
          {'. '}
          {q.completedAt ? r.completedOn(formatDateTime(q.completedAt)) : r.openUntil(formatDateTime(q.expiresAt))}
        </li>
      ))}
    </ul>
  );
}

/** On a client's Measures page: send a questionnaire now, the episode's schedule, and the requests' status. */
export function QuestionnaireRequestsPanel({ clientId }: { clientId: string }) {
  const query = useClientQuestionnaires(clientId);
  return (
    <section className="stack" aria-labelledby="questionnaires-heading">
      <h2 id="questionnaires-heading">{r.heading}</h2>
      <p>{r.lead}</p>
      <QueryStatus query={query} />
      {query.data ? (
        <>
          <SendNow clientId={clientId} />
          <section className="stack-small" aria-labelledby="schedule-heading">
            <h3 id="schedule-heading">{r.scheduleHeading}</h3>
            <p>{r.scheduleLead}</p>
            <Schedule clientId={clientId} data={query.data} />
          </section>
          <section className="stack-small" aria-labelledby="requests-heading">
            <h3 id="requests-heading">{r.requestsHeading}</h3>
            <Requests data={query.data} />
          </section>
        </>
      ) : null}
    </section>
  );
}
