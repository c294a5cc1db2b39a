import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useNavigate } from 'react-router';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { TextInput } from '../../components/TextInput';
import { useDeleteIntake } from './intake-queue-api';
import { iqStrings } from './intake-queue-strings';
import type { IntakeDetail } from './intake-queue-types';

const s = iqStrings.remove;

/**
 * "Delete this enquiry" (an administrator, for an enquiry that did not become a client): asks for the
 * reason, kept in the audit log, then goes back to the queue, which says it is deleted.
 */
export function DeleteIntake({ intake }: { intake: IntakeDetail }) {
  const remove = useDeleteIntake(intake.id);
  const navigate = useNavigate();
  const [reason, setReason] = useState('');
  return (
    <section className="iq-delete" aria-labelledby="iq-delete-heading">
      <h2 id="iq-delete-heading" className="visually-hidden">
        {s.button}
      </h2>
      <ConfirmDialog
        trigger={<Button className="button button-danger">{s.button}</Button>}
        title={s.title}
        body={
          <>
            <p>{s.body(intake.name)}</p>
            <TextInput
              label={s.reason}
              name="reason"
              value={reason}
              onChange={setReason}
              description={s.reasonHint}
              isRequired
              requiredMessage={s.reasonRequired}
              maxLength={500}
              autoFocus
            />
          </>
        }
        confirmLabel={s.confirm}
        pending={remove.isPending}
        error={remove.error}
        onConfirm={(close) => {
          if (!reason.trim()) return;
          remove.mutate(
            { reason: reason.trim() },
            {
              onSuccess: () => {
                close();
                void navigate('/intakes', { state: { message: s.done } });
              },
            },
          );
        }}
      />
    </section>
  );
}
