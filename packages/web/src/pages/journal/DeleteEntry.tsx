import { Button } from 'react-aria-components';
import type { Entry } from '../../api/journal-types';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { dayAndTime } from './journal-format';
import { journalStrings as s } from './journal-strings';

interface DeleteEntryProps {
  entry: Entry;
  pending: boolean;
  error: unknown;
  /** Deletes (withdrawing first when shared); `close` once it has gone. */
  onConfirm: (close: () => void) => void;
}

/**
 * Deleting, with what it means said first: for an entry the therapist could read, that it is
 * withdrawn before it goes, what they have already seen, and that their own notes stay in the record.
 */
export function DeleteEntry({ entry, pending, error, onConfirm }: DeleteEntryProps) {
  const { state, readAt } = entry.sharing;
  const wasSeen = state !== 'private';
  return (
    <ConfirmDialog
      trigger={<Button className="button button-secondary journal-delete">{s.remove.button}</Button>}
      title={s.remove.title}
      body={
        <>
          {state === 'shared' ? <p>{s.remove.shared}</p> : null}
          {state === 'withdrawn' ? <p>{s.remove.wasShared}</p> : null}
          {wasSeen ? <p>{readAt ? s.remove.read(dayAndTime(readAt)) : s.remove.unread}</p> : null}
          {wasSeen ? <p>{s.remove.notes}</p> : <p>{s.remove.neverShared}</p>}
          <p>
            <strong>{s.remove.private}</strong>
          </p>
        </>
      }
      confirmLabel={state === 'shared' ? s.remove.confirmShared : s.remove.confirm}
      pending={pending}
      error={error}
      onConfirm={onConfirm}
    />
  );
}
