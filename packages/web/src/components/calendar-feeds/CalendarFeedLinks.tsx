import { useEffect, useId, useRef, useState } from 'react';
import { Button, Input, Label, Text, TextField } from 'react-aria-components';
import { formatDateTime, isoOf } from '../../lib/format';
import { ActionButton } from '../ActionButton';
import { ConfirmDialog } from '../ConfirmDialog';
import { FormStatus } from '../FormStatus';
import { Empty, QueryStatus } from '../States';
import { useFocusRescue } from '../use-focus-rescue';
import {
  useCalendarFeeds,
  useCreateCalendarFeed,
  useRevokeCalendarFeed,
  type CalendarFeed,
} from './use-calendar-feeds';

/** The words of a calendar-links panel: therapists and clients are spoken to differently. */
export interface CalendarFeedWords {
  heading: string;
  lead: string;
  note?: string;
  listLabel: string;
  empty: string;
  create: string;
  createdHeading: string;
  createdLead: string;
  urlLabel: string;
  copy: string;
  copied: string;
  copyFailed: string;
  done: string;
  created: (when: string) => string;
  lastUsed: (when: string) => string;
  neverUsed: string;
  revoke: string;
  revokeLabel: (when: string) => string;
  revokeTitle: string;
  revokeBody: string;
  revoked: string;
}

/** The new link, shown once, with a way to copy it. Focus moves to its heading. */
function NewLink({ url, words, onDone }: { url: string; words: CalendarFeedWords; onDone: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const [status, setStatus] = useState('');
  const id = useId();
  useEffect(() => heading.current?.focus(), []);
  const copy = () => {
    if (!navigator.clipboard) {
      setStatus(words.copyFailed);
      return;
    }
    navigator.clipboard.writeText(url).then(
      () => setStatus(words.copied),
      () => setStatus(words.copyFailed),
    );
  };
  return (
    <div className="new-feed stack-small" role="region" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`} ref={heading} tabIndex={-1}>
        {words.createdHeading}
      </h3>
      <TextField className="field" value={url} isReadOnly>
        <Label className="field-label">{words.urlLabel}</Label>
        <Text slot="description" className="field-hint">
          {words.createdLead}
        </Text>
        <Input className="field-input feed-url" spellCheck={false} onFocus={(event) => event.currentTarget.select()} />
      </TextField>
      <div className="button-row">
        <Button className="button button-primary" onPress={copy}>
          {words.copy}
        </Button>
        <Button className="button button-secondary" onPress={onDone}>
          {words.done}
        </Button>
      </div>
      <p className="form-status" role="status">
        {status}
      </p>
    </div>
  );
}

function LinkItem({ feed, words, onRevoked }: { feed: CalendarFeed; words: CalendarFeedWords; onRevoked: () => void }) {
  const revoke = useRevokeCalendarFeed(feed.id);
  const created = formatDateTime(feed.createdAt);
  return (
    <li className="item">
      <div className="item-main">
        <p className="item-title">
          <time dateTime={isoOf(feed.createdAt)}>{words.created(created)}</time>
        </p>
        <p className="item-meta">
          {feed.lastUsedAt ? words.lastUsed(formatDateTime(feed.lastUsedAt)) : words.neverUsed}
        </p>
      </div>
      <div className="item-actions">
        <ConfirmDialog
          trigger={
            <Button className="button button-secondary" aria-label={words.revokeLabel(created)}>
              {words.revoke}
            </Button>
          }
          title={words.revokeTitle}
          body={<p>{words.revokeBody}</p>}
          confirmLabel={words.revoke}
          pending={revoke.isPending}
          error={revoke.error}
          onConfirm={(close) =>
            revoke.mutate(undefined, {
              onSuccess: () => {
                close();
                onRevoked();
              },
            })
          }
        />
      </div>
    </li>
  );
}

/**
 * Private calendar subscription links: create one (its address is shown once), see when each was
 * last read by a calendar, and turn any off. After a link is turned off, focus moves to the heading
 * (the button that had it is gone); after "done", back to the create button.
 */
export function CalendarFeedLinks({ words, className }: { words: CalendarFeedWords; className?: string }) {
  const feeds = useCalendarFeeds();
  const create = useCreateCalendarFeed();
  const [shown, setShown] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const { target: heading, rescue } = useFocusRescue<HTMLHeadingElement>();
  const createButton = useId();
  const headingId = useId();
  return (
    <section className={className ?? 'stack-small'} aria-labelledby={headingId}>
      <h2 id={headingId} ref={heading} tabIndex={-1}>
        {words.heading}
      </h2>
      <p>{words.lead}</p>
      {words.note ? <p className="muted">{words.note}</p> : null}
      <FormStatus success={message} />
      <QueryStatus query={feeds} />
      {feeds.data?.length === 0 && !shown ? <Empty>{words.empty}</Empty> : null}
      {feeds.data && feeds.data.length > 0 ? (
        <ul className="item-list item-list-flat" aria-label={words.listLabel}>
          {feeds.data.map((feed) => (
            <LinkItem
              key={feed.id}
              feed={feed}
              words={words}
              onRevoked={() => {
                setMessage(words.revoked);
                rescue();
              }}
            />
          ))}
        </ul>
      ) : null}
      {shown ? (
        <NewLink
          url={shown}
          words={words}
          onDone={() => {
            setShown(null);
            window.requestAnimationFrame(() => document.getElementById(createButton)?.focus());
          }}
        />
      ) : (
        <div>
          <ActionButton
            id={createButton}
            className="button button-secondary"
            isPending={create.isPending}
            onPress={() =>
              create.mutate(undefined, {
                onSuccess: (feed) => {
                  setMessage(null);
                  setShown(new URL(feed.url, window.location.origin).toString());
                },
              })
            }
          >
            {words.create}
          </ActionButton>
        </div>
      )}
      <FormStatus pending={create.isPending} error={create.error} />
    </section>
  );
}
