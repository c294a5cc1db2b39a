import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useNavigate } from 'react-router';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { RadioField } from '../frame/fields';
import { useDeleteIntake, type DeleteReason } from './intake-queue-api';
import { iqStrings } from './intake-queue-strings';
import type { IntakeDetail } from './intake-queue-types';

const s = iqStrings.remove;
const REASONS = Object.keys(s.reasons) as DeleteReason[];

/**
 * "Delete this enquiry" (an administrator, for an enquiry that did not become a client): asks why, as
 * one of a few kinds (the audit log keeps the kind, never free text), then goes back to the queue,
 * which says it is deleted.
 */
export function DeleteIntake({ intake }: { intake: IntakeDetail }) {
  const remove = useDeleteIntake(intake.id);
  const navigate = useNavigate();
  const [reason, setReason] = useState<DeleteReason | ''>('');
  const [missing, setMissing] = useState(false);
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
            <RadioField<DeleteReason | ''>
              label={s.reason}
              name="reason"
              value={reason}
              onChange={(value) => {
                setReason(value);
                setMissing(false);
              }}
              options={REASONS.map((value) => ({ value, label: s.reasons[value] }))}
              error={missing ? s.reasonRequired : null}
            />
          </>
        }
        confirmLabel={s.confirm}
        pending={remove.isPending}
        error={remove.error}
        onConfirm={(close) => {
          if (!reason) {
            setMissing(true);
            return;
          }
          remove.mutate(
            { reason },
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
