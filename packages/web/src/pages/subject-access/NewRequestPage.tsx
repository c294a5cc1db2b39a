import { useState, type FormEvent } from 'react';
import { Form } from 'react-aria-components';
import { Link, useNavigate } from 'react-router';
import { ActionButton } from '../../components/ActionButton';
import { FormStatus } from '../../components/FormStatus';
import { Page } from '../../components/Page';
import { Empty, QueryStatus } from '../../components/States';
import { SelectField } from '../../components/SelectField';
import { useFieldErrors } from '../../components/use-field-errors';
import { TextAreaField } from '../portal/TextAreaField';
import { DayField } from './DayField';
import { useClients, useCreateRequest } from './subject-access-api';
import { todayIso } from './subject-access-format';
import { sarStrings as t } from './subject-access-strings';
import type { Channel, IdentityMethod, Requester } from './subject-access-types';

const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));

/** /admin/subject-access/new — record a request: whose, when, how, by whom, identity, notes. */
export function NewRequestPage() {
  const clients = useClients();
  const create = useCreateRequest();
  const navigate = useNavigate();
  const errors = useFieldErrors(create.error);
  const today = todayIso();
  const [clientId, setClientId] = useState('');
  const [receivedOn, setReceivedOn] = useState(today);
  const [channel, setChannel] = useState<Channel>('in_writing');
  const [requester, setRequester] = useState<Requester>('client');
  const [representative, setRepresentative] = useState('');
  const [identityOn, setIdentityOn] = useState('');
  const [identityMethod, setIdentityMethod] = useState<IdentityMethod | ''>('');
  const [notes, setNotes] = useState('');
  const [noClient, setNoClient] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setNoClient(!clientId);
    if (!clientId) return;
    create.mutate(
      {
        clientId,
        receivedOn,
        channel,
        requester,
        representative: requester === 'representative' ? representative : null,
        identityCheckedOn: identityOn || null,
        identityMethod: identityMethod || null,
        notes,
      },
      { onSuccess: (request) => void navigate(`/admin/subject-access/${encodeURIComponent(request.id)}`) },
    );
  };

  const list = clients.data ?? [];
  return (
    <Page title={t.create.title} lead={t.create.lead} narrow>
      <QueryStatus query={clients} />
      {clients.data && list.length === 0 ? <Empty>{t.create.noClients}</Empty> : null}
      {list.length > 0 ? (
        <Form className="stack card" validationErrors={errors} onSubmit={submit}>
          <SelectField
            label={t.create.client}
            name="clientId"
            value={clientId}
            onChange={(id) => {
              setClientId(id);
              if (id) setNoClient(false);
            }}
            options={[
              { value: '', label: t.create.chooseClient },
              ...list.map((c) => ({ value: c.id, label: c.displayName })),
            ]}
          />
          <DayField
            label={t.create.received}
            name="receivedOn"
            value={receivedOn}
            onChange={setReceivedOn}
            max={today}
            isRequired
          />
          <SelectField
            label={t.create.channel}
            name="channel"
            value={channel}
            onChange={setChannel}
            options={options(t.channel) as { value: Channel; label: string }[]}
          />
          <SelectField
            label={t.create.requester}
            name="requester"
            value={requester}
            onChange={setRequester}
            options={options(t.requester) as { value: Requester; label: string }[]}
          />
          {requester === 'representative' ? (
            <TextAreaField
              label={t.create.representative}
              name="representative"
              value={representative}
              onChange={setRepresentative}
              description={t.create.representativeHint}
              isRequired
              maxLength={5000}
            />
          ) : null}
          <DayField
            label={t.create.identityOn}
            name="identityCheckedOn"
            value={identityOn}
            onChange={setIdentityOn}
            max={today}
          />
          <SelectField
            label={t.create.identityMethod}
            name="identityMethod"
            value={identityMethod}
            onChange={setIdentityMethod}
            options={options(t.identity) as { value: IdentityMethod | ''; label: string }[]}
          />
          <TextAreaField
            label={t.create.notes}
            name="notes"
            value={notes}
            onChange={setNotes}
            description={t.create.notesHint}
            maxLength={5000}
          />
          {noClient ? (
            <p className="notice notice-error" role="alert">
              {t.create.clientMissing}
            </p>
          ) : null}
          <FormStatus pending={create.isPending} pendingText={t.create.saving} error={create.error} />
          <div className="button-row">
            <ActionButton type="submit" className="button button-primary" isPending={create.isPending}>
              {t.create.submit}
            </ActionButton>
            <Link className="button button-secondary" to="/admin/subject-access">
              {t.create.cancel}
            </Link>
          </div>
        </Form>
      ) : null}
    </Page>
  );
}
