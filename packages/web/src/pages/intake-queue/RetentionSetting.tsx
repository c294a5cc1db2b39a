import { useState } from 'react';
import { Form } from 'react-aria-components';
import { hasRole, useCurrentUser } from '../../app/current-user';
import { ActionButton } from '../../components/ActionButton';
import { FormStatus } from '../../components/FormStatus';
import { QueryStatus } from '../../components/States';
import { TextInput } from '../../components/TextInput';
import { useFieldErrors } from '../../components/use-field-errors';
import { useRetention, useSaveRetention } from './intake-queue-api';
import { iqStrings } from './intake-queue-strings';

const s = iqStrings.retention;

function validDays(value: string): boolean {
  const n = Number(value.trim());
  return /^\d+$/.test(value.trim()) && n >= 30 && n <= 3650;
}

/** An administrator changes the period; the sentence keeps the saved one until a new one is saved. */
function RetentionForm({ days }: { days: number }) {
  const save = useSaveRetention();
  const [value, setValue] = useState(String(days));
  const errors = useFieldErrors(save.error);
  return (
    <Form
      className="form iq-retention-form"
      validationErrors={errors}
      onSubmit={(event) => {
        event.preventDefault();
        if (!validDays(value)) return;
        save.mutate({ enquiryRetentionDays: Number(value.trim()) });
      }}
    >
      <TextInput
        label={s.label}
        name="enquiryRetentionDays"
        value={value}
        onChange={(next) => {
          setValue(next);
          if (save.isSuccess || save.isError) save.reset();
        }}
        inputMode="numeric"
        description={s.hint}
        isRequired
        requiredMessage={s.invalid}
        validate={(v) => (validDays(v) ? null : s.invalid)}
        maxLength={5}
      />
      <ActionButton type="submit" className="button button-secondary" isPending={save.isPending}>
        {s.save}
      </ActionButton>
      <FormStatus pending={save.isPending} error={save.error} success={save.isSuccess ? s.saved : null} />
    </Form>
  );
}

/**
 * How long the practice keeps enquiries that did not become clients: said to everyone who reads the
 * queue, changed by an administrator (the delete-old-enquiries job deletes after it).
 */
export function RetentionSetting() {
  const me = useCurrentUser();
  const retention = useRetention();
  const days = retention.data?.enquiryRetentionDays;
  return (
    <section className="iq-retention" aria-labelledby="iq-retention-heading">
      <h2 id="iq-retention-heading">{s.heading}</h2>
      <QueryStatus query={retention} />
      {days !== undefined ? (
        <>
          <p>{s.sentence(days)}</p>
          {hasRole(me, 'admin') ? <RetentionForm days={days} /> : null}
        </>
      ) : null}
    </section>
  );
}
