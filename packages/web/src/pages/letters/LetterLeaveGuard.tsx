import { useEffect } from 'react';
import { Button, Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useBlocker } from 'react-router';
import { lettersStrings as t } from './letters-strings';

/**
 * Asks before leaving a draft letter for another page of the app while changes are unsaved, and
 * raises the browser's own warning when the tab is closed or reloaded. `isAllowed` lets the editor
 * leave on purpose (after discarding the draft) without asking.
 */
export function LetterLeaveGuard({ unsaved, isAllowed }: { unsaved: boolean; isAllowed: () => boolean }) {
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      unsaved && !isAllowed() && currentLocation.pathname !== nextLocation.pathname,
  );

  useEffect(() => {
    if (!unsaved) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers show the warning only when returnValue is set.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [unsaved]);

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
        <Dialog className="dialog" role="alertdialog">
          <Heading slot="title" className="dialog-title">
            {t.leave.title}
          </Heading>
          <div className="dialog-body">
            <p>{t.leave.body}</p>
          </div>
          <div className="button-row">
            <Button className="button button-primary" autoFocus onPress={() => blocker.reset?.()}>
              {t.leave.stay}
            </Button>
            <Button className="button button-secondary" onPress={() => blocker.proceed?.()}>
              {t.leave.leave}
            </Button>
          </div>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
