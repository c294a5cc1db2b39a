import { useId, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../api/errors';
import { ActionButton } from '../../components/ActionButton';
import { FormStatus } from '../../components/FormStatus';
import { Page } from '../../components/Page';
import { QueryStatus } from '../../components/States';
import { SelectField } from '../../components/SelectField';
import { formatDate } from '../../lib/format';
import { useCatalogue, useEnterAnswers, useInstrument, useResults } from './measures-api';
import { measuresStrings as t } from './measures-strings';
import type { AnswerValue, Instrument, ResultList } from './measures-types';
import { QuestionnaireFields } from './QuestionnaireFields';

/** Today as YYYY-MM-DD in the browser's zone. */
function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

const NO_SESSION = 'none';

function EnterForm({ clientId, list, instrument }: { clientId: string; list: ResultList; instrument: Instrument }) {
  const id = useId();
  const enter = useEnterAnswers(clientId);
  const navigate = useNavigate();
  const [completedOn, setCompletedOn] = useState(today());
  const [session, setSession] = useState(NO_SESSION);
  const [answers, setAnswers] = useState<Record<string, AnswerValue>>({});
  const dateError =
    enter.error instanceof ApiError ? enter.error.fields.find((f) => f.field === 'completedOn')?.message : undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    enter.mutate(
      {
        instrumentId: instrument.summary.instrumentId,
        version: instrument.summary.version,
        completedOn,
        appointmentId: session === NO_SESSION ? null : session,
        answers: Object.fromEntries(instrument.definition.items.map((i) => [i.linkId, answers[i.linkId] ?? null])),
      },
      { onSuccess: () => void navigate(`/clients/${encodeURIComponent(clientId)}/measures`) },
    );
  };

  return (
    <form className="stack" onSubmit={submit} noValidate>
      <div className="card stack-small">
        <div className="field">
          <label className="field-label" htmlFor={`${id}-date`}>
            {t.enter.completedOn}
          </label>
          <p className="field-hint" id={`${id}-date-hint`}>
            {t.enter.completedOnHint}
          </p>
          <input
            id={`${id}-date`}
            type="date"
            className="field-input measure-date"
            value={completedOn}
            max={today()}
            required
            aria-describedby={dateError ? `${id}-date-hint ${id}-date-error` : `${id}-date-hint`}
            aria-invalid={dateError ? true : undefined}
            onChange={(event) => setCompletedOn(event.target.value)}
          />
          {dateError ? (
            <p className="field-error" id={`${id}-date-error`}>
              {dateError}
            </p>
          ) : null}
        </div>
        <SelectField
          label={t.enter.session}
          name="session"
          value={session}
          onChange={setSession}
          options={[
            { value: NO_SESSION, label: t.enter.noSession },
            ...list.sessions.map((s) => ({ value: s.appointmentId, label: t.enter.sessionOn(formatDate(s.startsAt)) })),
          ]}
        />
      </div>
      <section className="card stack-small" aria-label={instrument.definition.title}>
        <h2>{instrument.definition.title}</h2>
        <QuestionnaireFields
          def={instrument.definition}
          answers={answers}
          onChange={(linkId, value) => setAnswers((a) => ({ ...a, [linkId]: value }))}
        />
      </section>
      <FormStatus pending={enter.isPending} error={enter.error} />
      <div className="button-row">
        <ActionButton type="submit" className="button button-primary" isPending={enter.isPending}>
          {t.enter.save}
        </ActionButton>
      </div>
    </form>
  );
}

/** /clients/:clientId/measures/enter — the answers of a questionnaire completed on paper. */
export function EnterAnswersPage() {
  const { clientId = '' } = useParams();
  const list = useResults(clientId);
  const catalogue = useCatalogue();
  const [instrumentId, setInstrumentId] = useState('phq-9');
  const instrument = useInstrument(instrumentId);
  const name = list.data?.client.displayName ?? '';
  const data = instrument.data?.instrument;
  return (
    <Page
      title={t.enter.title(name)}
      lead={t.enter.lead}
      actions={
        <Link className="button button-quiet" to={`/clients/${encodeURIComponent(clientId)}/measures`}>
          {t.enter.back}
        </Link>
      }
    >
      <QueryStatus query={list} />
      {list.data ? <QueryStatus query={catalogue} /> : null}
      {list.data && catalogue.data ? (
        <div className="stack">
          <SelectField
            label={t.enter.instrument}
            name="instrument"
            value={instrumentId}
            onChange={setInstrumentId}
            options={catalogue.data.instruments.map((i) => ({
              value: i.instrumentId,
              label: `${i.name} — ${i.title}`,
            }))}
          />
          <QueryStatus query={instrument} />
          {data && data.summary.instrumentId === instrumentId ? (
            <EnterForm key={instrumentId} clientId={clientId} list={list.data} instrument={data} />
          ) : null}
        </div>
      ) : null}
    </Page>
  );
}
