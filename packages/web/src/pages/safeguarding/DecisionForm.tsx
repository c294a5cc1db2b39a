import { useState, type FormEvent } from 'react';
import { ActionButton } from '../../components/ActionButton';
import { FormStatus } from '../../components/FormStatus';
import { SelectField } from '../../components/SelectField';
import { formatDateTime } from '../../lib/format';
import { TextAreaField } from '../portal/TextAreaField';
import { useRecordDecision } from './safeguarding-api';
import { sgStrings } from './safeguarding-strings';
import type { Alert, ClientInformed } from './safeguarding-types';

const s = sgStrings.record;

/** Adds a decision to the risk record: what, why, who was told, whether and how the client was informed. */
export function DecisionForm({ clientId, alerts }: { clientId: string; alerts: Alert[] }) {
  const record = useRecordDecision(clientId);
  const [alertId, setAlertId] = useState<string>(alerts[0]?.id ?? '');
  const [decision, setDecision] = useState('');
  const [reasons, setReasons] = useState('');
  const [whoWasTold, setWhoWasTold] = useState('');
  const [clientInformed, setClientInformed] = useState<ClientInformed>('not_yet');
  const [clientInformedHow, setClientInformedHow] = useState('');

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    record.mutate(
      { alertId: alertId || null, decision, reasons, whoWasTold, clientInformed, clientInformedHow },
      {
        onSuccess: () => {
          setDecision('');
          setReasons('');
          setWhoWasTold('');
          setClientInformedHow('');
        },
      },
    );
  }

  return (
    <form className="sg-decision-form" onSubmit={submit} aria-labelledby="sg-decision-heading">
      <h2 id="sg-decision-heading">{s.formHeading}</h2>
      <SelectField
        label={s.alert}
        name="alertId"
        value={alertId}
        onChange={setAlertId}
        options={[
          ...alerts.map((a) => ({
            value: a.id,
            label: `${sgStrings.alerts.trigger[a.trigger] ?? a.trigger}, ${formatDateTime(a.raisedAt)}`,
          })),
          { value: '', label: s.noAlert },
        ]}
      />
      <TextAreaField
        label={s.decision}
        name="decision"
        value={decision}
        onChange={setDecision}
        isRequired
        maxLength={5000}
      />
      <TextAreaField
        label={s.reasons}
        name="reasons"
        value={reasons}
        onChange={setReasons}
        isRequired
        maxLength={5000}
      />
      <TextAreaField
        label={s.whoWasTold}
        name="whoWasTold"
        value={whoWasTold}
        onChange={setWhoWasTold}
        description={s.whoWasToldHint}
        maxLength={2000}
      />
      <SelectField<ClientInformed>
        label={s.clientInformed}
        name="clientInformed"
        value={clientInformed}
        onChange={setClientInformed}
        options={(['yes', 'no', 'not_yet'] as const).map((value) => ({ value, label: s.informed[value] }))}
      />
      {clientInformed === 'yes' ? (
        <TextAreaField
          label={s.informedHow}
          name="clientInformedHow"
          value={clientInformedHow}
          onChange={setClientInformedHow}
          isRequired
          maxLength={2000}
        />
      ) : null}
      <ActionButton type="submit" className="button button-primary" isPending={record.isPending}>
        {s.save}
      </ActionButton>
      <FormStatus pending={record.isPending} error={record.error} success={record.isSuccess ? s.saved : null} />
    </form>
  );
}
