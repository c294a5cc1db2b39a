import { useState, type ReactNode } from 'react';
import { Button, Dialog, DialogTrigger, Form, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { strings } from '../strings';
import { FormStatus } from './FormStatus';
import { PasswordInput } from './PasswordInput';
import { ActionButton } from './ActionButton';
import { useFieldErrors } from './use-field-errors';

interface ConfirmDialogProps {
  /** The button that opens the dialog. */
  trigger: ReactNode;
  title: string;
  body: ReactNode;
  confirmLabel: string;
  tone?: 'danger' | 'primary';
  pending: boolean;
  error: unknown;
  /** Called with `close` (call it once the action has succeeded) and, with `withPassword`, the password. */
  onConfirm: (close: () => void, password: string) => void;
  /** When set, the dialog asks for the person’s password before confirming. */
  withPassword?: boolean;
}

/** Asks before doing something that cannot be undone, or that signs someone out. */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const [password, setPassword] = useState('');
  const errors = useFieldErrors(props.error);
  const buttonClass = props.tone === 'primary' ? 'button button-primary' : 'button button-danger';
  return (
    <DialogTrigger onOpenChange={(open) => (open ? undefined : setPassword(''))}>
      {props.trigger}
      <ModalOverlay className="modal-overlay" isDismissable={!props.pending}>
        <Modal className="modal">
          <Dialog className="dialog" role="alertdialog">
            {({ close }) => (
              <Form
                validationErrors={errors}
                onSubmit={(event) => {
                  event.preventDefault();
                  props.onConfirm(close, password);
                }}
              >
                <Heading slot="title" className="dialog-title">
                  {props.title}
                </Heading>
                <div className="dialog-body">{props.body}</div>
                {props.withPassword ? (
                  <PasswordInput
                    label={strings.fields.password}
                    name="password"
                    value={password}
                    onChange={setPassword}
                    autoComplete="current-password"
                    autoFocus
                  />
                ) : null}
                <FormStatus pending={props.pending} error={props.error} />
                <div className="button-row">
                  <ActionButton type="submit" className={buttonClass} isPending={props.pending}>
                    {props.confirmLabel}
                  </ActionButton>
                  <Button className="button button-secondary" onPress={close} isDisabled={props.pending}>
                    {strings.common.cancel}
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
