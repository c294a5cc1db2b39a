import { useState } from 'react';
import { Button, Dialog, DialogTrigger, Form, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { ApiError } from '../../api/errors';
import type { Appointment } from '../../api/frame-types';
import { ActionButton } from '../../components/ActionButton';
import { FormStatus } from '../../components/FormStatus';
import { LoadError, Loading } from '../../components/States';
import { useFieldErrors } from '../../components/use-field-errors';
import { formatMoney } from '../../lib/frame-format';
import { sessionIcsUrl, useCancelPreview, useCancelSession, useMoveRequest } from './portal-api';
import type { SessionWhen } from './portal-format';
import { portalStrings as s } from './portal-strings';
import { TextAreaField } from './TextAreaField';

type CancelMutation = ReturnType<typeof useCancelSession>;

/** The server's answer when the charge moved between the preview and the confirmation. */
const isChargeChanged = (error: unknown) => error instanceof ApiError && error.code === 'charge_changed';

function CancelSessionForm({
  appointment,
  when,
  cancel,
  close,
  onCancelled,
}: {
  appointment: Appointment;
  when: SessionWhen;
  cancel: CancelMutation;
  close: () => void;
  onCancelled: (message: string) => void;
}) {
  const preview = useCancelPreview(appointment.id);
  // The server's explanation of why the charge is no longer the one shown, kept until confirmed.
  const [changed, setChanged] = useState<string | null>(null);
  const charge = preview.data;
  const checking = preview.isFetching;

  return (
    <Form
      onSubmit={(event) => {
        event.preventDefault();
        if (!charge || checking) return;
        cancel.mutate(charge.amountPence, {
          onSuccess: (result) => {
            close();
            const amount =
              result.charge.amountPence > 0 ? formatMoney(result.charge.amountPence, result.charge.currency) : null;
            onCancelled(s.cancel.done(when.day, amount));
          },
          onError: (error) => {
            if (!isChargeChanged(error)) return;
            setChanged(error.message);
            void preview.refetch();
          },
        });
      }}
    >
      <Heading slot="title" className="dialog-title">
        {s.cancel.title}
      </Heading>
      <div className="dialog-body">
        <p>
          <strong>{when.day}</strong>
          <br />
          {s.sessions.timeLine(when)}
        </p>
        {changed && !checking ? (
          <div className="notice notice-warning" role="alert">
            <p>{changed}</p>
          </div>
        ) : null}
        {preview.isPending || (checking && changed) ? <Loading label={s.cancel.checking} /> : null}
        {preview.isError && !checking ? (
          <LoadError error={preview.error} onRetry={() => void preview.refetch()} />
        ) : null}
        {charge && !(checking && changed) ? (
          <>
            {/* The server's refusal already carries the new explanation; it is not said twice. */}
            {changed?.includes(charge.explanation) ? null : <p>{charge.explanation}</p>}
            <dl className="facts">
              <div>
                <dt>{s.cancel.chargeLabel}</dt>
                <dd>{charge.amountPence > 0 ? formatMoney(charge.amountPence, charge.currency) : s.cancel.noCharge}</dd>
              </div>
            </dl>
          </>
        ) : null}
      </div>
      <FormStatus pending={cancel.isPending} error={isChargeChanged(cancel.error) ? null : cancel.error} />
      <div className="button-row">
        {charge ? (
          <ActionButton type="submit" className="button button-primary" isPending={cancel.isPending || checking}>
            {s.cancel.confirm}
          </ActionButton>
        ) : null}
        <Button className="button button-secondary" onPress={close} isDisabled={cancel.isPending}>
          {s.cancel.keep}
        </Button>
      </div>
    </Form>
  );
}

/**
 * Cancelling a session: the dialog first asks the server what it would cost and says so in plain
 * words; only then can the person confirm, with the amount they were shown. If the charge has
 * changed meanwhile (the notice window passed), the new one is shown and they are asked again.
 */
export function CancelSessionDialog({
  appointment,
  when,
  onCancelled,
}: {
  appointment: Appointment;
  when: SessionWhen;
  onCancelled: (message: string) => void;
}) {
  const cancel = useCancelSession(appointment.id);
  return (
    <DialogTrigger onOpenChange={(open) => (open ? undefined : cancel.reset())}>
      <Button className="button button-secondary" aria-label={s.sessions.cancelFor(when.day)}>
        {s.sessions.cancel}
      </Button>
      <ModalOverlay className="modal-overlay" isDismissable={!cancel.isPending}>
        <Modal className="modal">
          <Dialog className="dialog" role="alertdialog">
            {({ close }) => (
              <CancelSessionForm
                appointment={appointment}
                when={when}
                cancel={cancel}
                close={close}
                onCancelled={onCancelled}
              />
            )}
          </Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  );
}

/** Asking the therapist to move a session: a message, which they answer by moving it or replying. */
export function MoveRequestDialog({
  appointment,
  when,
  onSent,
}: {
  appointment: Appointment;
  when: SessionWhen;
  onSent: (message: string) => void;
}) {
  const [message, setMessage] = useState('');
  const request = useMoveRequest(appointment.id);
  const errors = useFieldErrors(request.error);
  return (
    <DialogTrigger
      onOpenChange={(open) => {
        if (open) return;
        request.reset();
        setMessage('');
      }}
    >
      <Button className="button button-secondary" aria-label={s.sessions.moveFor(when.day)}>
        {s.sessions.move}
      </Button>
      <ModalOverlay className="modal-overlay" isDismissable={!request.isPending}>
        <Modal className="modal">
          <Dialog className="dialog">
            {({ close }) => (
              <Form
                validationErrors={errors}
                onSubmit={(event) => {
                  event.preventDefault();
                  request.mutate(message.trim(), {
                    onSuccess: () => {
                      close();
                      onSent(s.move.done(when.day));
                    },
                  });
                }}
              >
                <Heading slot="title" className="dialog-title">
                  {s.move.title}
                </Heading>
                <div className="dialog-body">
                  <p>
                    <strong>{when.day}</strong>
                    <br />
                    {s.sessions.timeLine(when)}
                  </p>
                  <p>{s.move.lead(appointment.therapistName)}</p>
                </div>
                <TextAreaField
                  label={s.move.message}
                  name="message"
                  value={message}
                  onChange={setMessage}
                  description={s.move.messageHint}
                  isRequired
                  requiredMessage={s.move.messageRequired}
                  maxLength={2000}
                  autoFocus
                />
                <FormStatus pending={request.isPending} error={request.error} />
                <div className="button-row">
                  <ActionButton type="submit" className="button button-primary" isPending={request.isPending}>
                    {s.move.send}
                  </ActionButton>
                  <Button className="button button-secondary" onPress={close} isDisabled={request.isPending}>
                    {s.move.close}
                  </Button>
                </div>
              </Form>
            )}
          </Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  );
}

/** The session as an .ics file, for people who add sessions one by one rather than subscribing. */
export function AddToCalendarLink({ appointment, when }: { appointment: Appointment; when: SessionWhen }) {
  return (
    <a
      className="button button-quiet"
      href={sessionIcsUrl(appointment.id)}
      download
      aria-label={s.sessions.addToCalendarFor(when.day)}
    >
      {s.sessions.addToCalendar}
    </a>
  );
}
