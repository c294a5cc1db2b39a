import { useState, type FormEvent } from 'react';
import { Form } from 'react-aria-components';
import { ActionButton } from '../../components/ActionButton';
import { FormStatus } from '../../components/FormStatus';
import { SelectField } from '../../components/SelectField';
import { useFieldErrors } from '../../components/use-field-errors';
import { TextAreaField } from '../portal/TextAreaField';
import { DayField } from './DayField';
import { useCloseRequest, useExtendRequest, useRecordDelivery } from './subject-access-api';
import { addCalendarMonths, formatDay, todayIso } from './subject-access-format';
import { sarStrings as t } from './subject-access-strings';
import type { DeliveryMethod, SarDetail } from './subject-access-types';

/** Record that a prepared pack (the newest by default) reached the requester. */
export function DeliveryForm({ r }: { r: SarDetail }) {
  const deliver = useRecordDelivery(r.id);
  const errors = useFieldErrors(deliver.error);
  const today = todayIso();
  const [packId, setPackId] = useState(r.packs[0]?.id ?? '');
  const [method, setMethod] = useState<DeliveryMethod>('secure_download');
  const [on, setOn] = useState(today);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    deliver.mutate({ packId, method, deliveredOn: on });
  };
  return (
    <section className="card" aria-labelledby="sar-deliver">
      <Form className="stack-small" validationErrors={errors} onSubmit={submit}>
        <h2 id="sar-deliver">{t.request.deliverHeading}</h2>
        <SelectField
          label={t.request.deliverPack}
          name="packId"
          value={packId}
          onChange={setPackId}
          options={r.packs.map((p) => ({ value: p.id, label: t.request.packVersion(p.version) }))}
        />
        <SelectField
          label={t.request.deliverMethod}
          name="method"
          value={method}
          onChange={setMethod}
          options={Object.entries(t.delivery).map(([value, label]) => ({ value: value as DeliveryMethod, label }))}
        />
        <DayField label={t.request.deliverOn} name="deliveredOn" value={on} onChange={setOn} max={today} isRequired />
        <FormStatus
          pending={deliver.isPending}
          error={deliver.error}
          success={deliver.isSuccess ? t.request.delivered : null}
        />
        <div className="button-row">
          <ActionButton type="submit" className="button button-primary" isPending={deliver.isPending}>
            {t.request.deliver}
          </ActionButton>
        </div>
      </Form>
    </section>
  );
}

/** Extend the deadline by up to two further months, with the reason and when the client was told. */
export function ExtendForm({ r }: { r: SarDetail }) {
  const extend = useExtendRequest(r.id);
  const errors = useFieldErrors(extend.error);
  const today = todayIso();
  const latest = addCalendarMonths(r.receivedOn, 3);
  const [dueOn, setDueOn] = useState(r.extension?.dueOn ?? latest);
  const [reason, setReason] = useState('');
  const [told, setTold] = useState(today);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    extend.mutate({ dueOn, reason, clientToldOn: told }, { onSuccess: () => setReason('') });
  };
  return (
    <section className="card" aria-labelledby="sar-extend">
      <Form className="stack-small" validationErrors={errors} onSubmit={submit}>
        <h2 id="sar-extend">{t.request.extendHeading}</h2>
        <p className="field-hint">{t.request.extendLead(formatDay(latest))}</p>
        <DayField label={t.request.extendDue} name="dueOn" value={dueOn} onChange={setDueOn} max={latest} isRequired />
        <TextAreaField
          label={t.request.extendReason}
          name="reason"
          value={reason}
          onChange={setReason}
          isRequired
          maxLength={5000}
        />
        <DayField
          label={t.request.extendTold}
          name="clientToldOn"
          value={told}
          onChange={setTold}
          max={today}
          isRequired
        />
        <FormStatus
          pending={extend.isPending}
          error={extend.error}
          success={extend.isSuccess ? t.request.extended : null}
        />
        <div className="button-row">
          <ActionButton type="submit" className="button button-secondary" isPending={extend.isPending}>
            {t.request.extend}
          </ActionButton>
        </div>
      </Form>
    </section>
  );
}

/** Close the request as withdrawn or refused, with the reason. */
export function CloseForm({ r }: { r: SarDetail }) {
  const close = useCloseRequest(r.id);
  const errors = useFieldErrors(close.error);
  const [outcome, setOutcome] = useState<'withdrawn' | 'refused'>('withdrawn');
  const [reason, setReason] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    close.mutate({ outcome, reason });
  };
  return (
    <section className="card" aria-labelledby="sar-close">
      <Form className="stack-small" validationErrors={errors} onSubmit={submit}>
        <h2 id="sar-close">{t.request.closeHeading}</h2>
        <SelectField
          label={t.request.closeOutcome}
          name="outcome"
          value={outcome}
          onChange={setOutcome}
          options={[
            { value: 'withdrawn', label: t.request.withdrawn },
            { value: 'refused', label: t.request.refused },
          ]}
        />
        <TextAreaField
          label={t.request.closeReason}
          name="reason"
          value={reason}
          onChange={setReason}
          isRequired
          maxLength={5000}
        />
        <FormStatus pending={close.isPending} error={close.error} success={close.isSuccess ? t.request.closed : null} />
        <div className="button-row">
          <ActionButton type="submit" className="button button-secondary" isPending={close.isPending}>
            {t.request.close}
          </ActionButton>
        </div>
      </Form>
    </section>
  );
}
