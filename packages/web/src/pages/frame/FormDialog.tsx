import type { FormEvent, ReactNode, RefObject } from 'react';
import { Button, Dialog, DialogTrigger, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { ActionButton } from '../../components/ActionButton';
import { FormStatus } from '../../components/FormStatus';
import { strings } from '../../strings';

interface FormDialogProps {
  /** The button that opens the dialog. */
  trigger: ReactNode;
  title: string;
  children: ReactNode;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  tone?: 'primary' | 'danger';
  /** Called as the dialog opens or closes (to fill the form in afresh, or forget an old error). */
  onOpenChange?: (open: boolean) => void;
  /** Called with `close`, to be called once the change has been made. */
  onSubmit: (event: FormEvent, close: () => void) => void;
  formRef?: RefObject<HTMLFormElement | null>;
  isOpen?: boolean;
}

/**
 * A small form in a dialog (mark a session, move it, set an ending): the server's refusal, such as a
 * clash, is said inside the dialog, next to the fields, and the dialog stays open to put it right.
 */
export function FormDialog(props: FormDialogProps) {
  return (
    <DialogTrigger onOpenChange={props.onOpenChange} isOpen={props.isOpen}>
      {props.trigger}
      <ModalOverlay className="modal-overlay" isDismissable={!props.pending}>
        <Modal className="modal modal-wide">
          <Dialog className="dialog">
            {({ close }) => (
              <form ref={props.formRef} noValidate onSubmit={(event) => props.onSubmit(event, close)}>
                <Heading slot="title" className="dialog-title">
                  {props.title}
                </Heading>
                {props.children}
                <FormStatus pending={props.pending} error={props.error} />
                <div className="button-row">
                  <ActionButton
                    type="submit"
                    className={props.tone === 'danger' ? 'button button-danger' : 'button button-primary'}
                    isPending={props.pending}
                  >
                    {props.submitLabel}
                  </ActionButton>
                  <Button className="button button-secondary" onPress={close} isDisabled={props.pending}>
                    {strings.common.cancel}
                  </Button>
                </div>
              </form>
            )}
          </Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  );
}
