import { useState } from 'react';
import { Button } from 'react-aria-components';
import type { Entry } from '../../api/journal-types';
import { ActionButton } from '../../components/ActionButton';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { FormStatus } from '../../components/FormStatus';
import { useFocusRescue } from '../../components/use-focus-rescue';
import { SharingBadge } from './EntryMarkers';
import { useShareEntry, useWithdrawEntry } from './journal-api';
import { dayAndTime, dayLong } from './journal-format';
import { journalStrings as s } from './journal-strings';

type Sharing = Entry['sharing'];

/** "your session on 14 January 2027", or "your next session, once one is booked". */
export function bringSessionWords(sharing: Sharing): string {
  return sharing.bringSession
    ? s.privacy.bringSession(dayAndTime(sharing.bringSession.startsAt))
    : s.privacy.bringNoSession;
}

/** Where the entry stands, in plain words. */
function Explanation({ sharing }: { sharing: Sharing }) {
  if (sharing.state === 'shared') {
    return (
      <>
        <p>
          <strong>{sharing.sharedAt ? s.privacy.shared(dayLong(sharing.sharedAt)) : s.privacy.sharedNow}</strong>
        </p>
        {sharing.bringNext ? <p>{s.privacy.bringing(bringSessionWords(sharing))}</p> : null}
        <p>{sharing.readAt ? s.privacy.readAt(dayAndTime(sharing.readAt)) : s.privacy.notRead}</p>
        <p className="muted">{s.privacy.sharedMore}</p>
      </>
    );
  }
  if (sharing.state === 'withdrawn') {
    return (
      <>
        <p>
          <strong>
            {sharing.withdrawnAt ? s.privacy.withdrawn(dayLong(sharing.withdrawnAt)) : s.privacy.withdrawnNow}
          </strong>
        </p>
        {sharing.readAt ? <p>{s.privacy.readBefore(dayAndTime(sharing.readAt))}</p> : null}
        <p className="muted">{s.privacy.withdrawnMore}</p>
      </>
    );
  }
  return (
    <>
      <p>
        <strong>{s.privacy.private}</strong>
      </p>
      <p className="muted">{s.privacy.privateMore}</p>
    </>
  );
}

interface Feedback {
  entry: Entry;
  onDone: (message: string) => void;
}

/** Sharing asks first: it is the one step here that lets someone else read the person's words. */
function ShareDialog({ entry, bringNext, onDone }: Feedback & { bringNext: boolean }) {
  const share = useShareEntry(entry.id);
  const again = entry.sharing.state === 'withdrawn';
  const label = bringNext ? s.privacy.shareAndBring : again ? s.privacy.shareAgain : s.privacy.share;
  return (
    <ConfirmDialog
      trigger={<Button className={bringNext ? 'button button-secondary' : 'button button-primary'}>{label}</Button>}
      title={s.privacy.shareTitle}
      body={
        <>
          <p>{s.privacy.shareBody}</p>
          {bringNext ? <p>{s.privacy.shareBringBody}</p> : null}
        </>
      }
      confirmLabel={s.privacy.shareConfirm}
      tone="primary"
      pending={share.isPending}
      error={share.error}
      onConfirm={(close) =>
        share.mutate(bringNext, {
          onSuccess: () => {
            close();
            onDone(bringNext ? s.privacy.didShareBring : s.privacy.didShare);
          },
        })
      }
    />
  );
}

function BringToggle({ entry, onDone, onError }: Feedback & { onError: (error: unknown) => void }) {
  const share = useShareEntry(entry.id);
  const bring = !entry.sharing.bringNext;
  return (
    <ActionButton
      className="button button-secondary"
      isPending={share.isPending}
      onPress={() =>
        share.mutate(bring, {
          onSuccess: () => onDone(bring ? s.privacy.didBring : s.privacy.didUnbring),
          onError,
        })
      }
    >
      {bring ? s.privacy.bring : s.privacy.dontBring}
    </ActionButton>
  );
}

function WithdrawDialog({ entry, onDone }: Feedback) {
  const withdraw = useWithdrawEntry(entry.id);
  const readAt = entry.sharing.readAt;
  return (
    <ConfirmDialog
      trigger={<Button className="button button-secondary">{s.privacy.withdraw}</Button>}
      title={s.privacy.withdrawTitle}
      body={
        <>
          <p>{s.privacy.withdrawBody}</p>
          <p>{readAt ? s.privacy.withdrawRead(dayAndTime(readAt)) : s.privacy.withdrawUnread}</p>
        </>
      }
      confirmLabel={s.privacy.withdrawConfirm}
      pending={withdraw.isPending}
      error={withdraw.error}
      onConfirm={(close) =>
        withdraw.mutate(undefined, {
          onSuccess: () => {
            close();
            onDone(s.privacy.didWithdraw);
          },
        })
      }
    />
  );
}

/**
 * Who can see the entry, and the choices: share with the therapist, bring it to the next session,
 * withdraw it. After each change the buttons change too, so focus goes to this panel's heading and
 * the change is said in words.
 */
export function PrivacyPanel({ entry }: { entry: Entry }) {
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const { target, rescue } = useFocusRescue<HTMLHeadingElement>();
  const done = (message: string) => {
    setError(null);
    setStatus(message);
    rescue();
  };
  // "Bring" and "Don't bring" are one button that stays where it is, so focus stays on it.
  const toggled = (message: string) => {
    setError(null);
    setStatus(message);
  };
  const sharing = entry.sharing;
  return (
    <section className="card journal-privacy" aria-labelledby="journal-privacy" data-sharing={sharing.state}>
      <div className="card-heading">
        <h2 id="journal-privacy" ref={target} tabIndex={-1}>
          {s.privacy.heading}
        </h2>
        <SharingBadge sharing={sharing} />
      </div>
      <Explanation sharing={sharing} />
      <FormStatus success={status} error={error} />
      <div className="button-row journal-privacy-actions">
        {sharing.state === 'shared' ? (
          <>
            <BringToggle entry={entry} onDone={toggled} onError={setError} />
            <WithdrawDialog entry={entry} onDone={done} />
          </>
        ) : (
          <>
            <ShareDialog entry={entry} bringNext={false} onDone={done} />
            <ShareDialog entry={entry} bringNext onDone={done} />
          </>
        )}
      </div>
    </section>
  );
}
