import { useEffect } from 'react';
import { Button, Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useBlocker } from 'react-router';
import { writeStrings as s } from '../write-strings';

/**
 * Asks before leaving the editor for another page of the app while words are unsaved (closing the
 * tab is covered by the browser's own warning, see use-autosave.ts). `isAllowed` lets the editor
 * change its own address (a new entry's id, a conflict copy) without asking.
 */
export function LeaveGuard({
  unsaved,
  isUnsaved,
  isAllowed,
}: {
  unsaved: boolean;
  /** Read at the moment of leaving (the render's `unsaved` may be a step behind). */
  isUnsaved: () => boolean;
  isAllowed: () => boolean;
}) {
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      isUnsaved() &&
      !isAllowed() &&
      (currentLocation.pathname !== nextLocation.pathname || currentLocation.search !== nextLocation.search),
  );

  // Saved meanwhile (the connection came back while the question was open): just go.
  useEffect(() => {
    if (blocker.state === 'blocked' && !unsaved) blocker.proceed();
  }, [blocker, unsaved]);

  return (
    <ModalOverlay
      className="modal-overlay"
      isOpen={blocker.state === 'blocked'}
      isDismissable
      onOpenChange={(open) => {
        if (!open && blocker.state === 'blocked') blocker.reset();
      }}
    >
      <Modal className="modal">
        <Dialog className="dialog jw-leave" role="alertdialog">
          <Heading slot="title" className="dialog-title">
            {s.leave.title}
          </Heading>
          <div className="dialog-body">
            <p>{s.leave.body}</p>
          </div>
          <div className="button-row">
            <Button className="button button-primary" autoFocus onPress={() => blocker.reset?.()}>
              {s.leave.stay}
            </Button>
            <Button className="button button-secondary" onPress={() => blocker.proceed?.()}>
              {s.leave.leave}
            </Button>
          </div>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
