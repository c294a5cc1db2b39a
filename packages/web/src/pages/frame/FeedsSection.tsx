import { useEffect, useId, useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import { useCreateFeed, useFeeds, useRevokeFeed, type CalendarFeed } from '../../api/frame';
import { ActionButton } from '../../components/ActionButton';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { FormStatus } from '../../components/FormStatus';
import { Empty, QueryStatus } from '../../components/States';
import { formatDateTime } from '../../lib/format';
import { frameStrings as t } from './frame-strings';
import { useFocusRescue } from './focus-rescue';

/** An address from the server, made absolute for pasting into a calendar app. */
export function absoluteUrl(url: string, origin: string): string {
  return new URL(url, origin).toString();
}

function NewFeed({ url, onDone }: { url: string; onDone: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const [status, setStatus] = useState('');
  const id = useId();
  useEffect(() => heading.current?.focus(), []);
  const copy = () => {
    if (!navigator.clipboard) {
      setStatus(t.feeds.copyFailed);
      return;
    }
    navigator.clipboard.writeText(url).then(
      () => setStatus(t.feeds.copied),
      () => setStatus(t.feeds.copyFailed),
    );
  };
  return (
    <div className="new-feed stack-small" aria-labelledby={`${id}-heading`} role="region">
      <h3 id={`${id}-heading`} ref={heading} tabIndex={-1}>
        {t.feeds.createdHeading}
      </h3>
      <p>{t.feeds.createdLead}</p>
      <div className="field">
        <label className="field-label" htmlFor={id}>
          {t.feeds.urlLabel}
        </label>
        <input
          id={id}
          className="field-input feed-url"
          readOnly
          value={url}
          spellCheck={false}
          onFocus={(event) => event.target.select()}
        />
      </div>
      <div className="button-row">
        <Button className="button button-primary" onPress={copy}>
          {t.feeds.copy}
        </Button>
        <Button className="button button-secondary" onPress={onDone}>
          {t.feeds.done}
        </Button>
      </div>
      <p className="form-status" role="status">
        {status}
      </p>
    </div>
  );
}

function FeedItem({ feed, onChange }: { feed: CalendarFeed; onChange: (message: string) => void }) {
  const revoke = useRevokeFeed(feed.id);
  const created = formatDateTime(feed.createdAt);
  return (
    <li className="item">
      <div className="item-main">
        <p className="item-title">{t.feeds.created(created)}</p>
        <p className="item-meta">
          {feed.lastUsedAt ? t.feeds.lastUsed(formatDateTime(feed.lastUsedAt)) : t.feeds.neverUsed}
        </p>
      </div>
      <div className="item-actions">
        <ConfirmDialog
          trigger={
            <Button className="button button-quiet" aria-label={t.feeds.revokeLabel(created)}>
              {t.feeds.revoke}
            </Button>
          }
          title={t.feeds.revokeTitle}
          body={<p>{t.feeds.revokeBody}</p>}
          confirmLabel={t.feeds.revoke}
          pending={revoke.isPending}
          error={revoke.error}
          onConfirm={(close) =>
            revoke.mutate(undefined, {
              onSuccess: () => {
                close();
                onChange(t.feeds.revoked);
              },
            })
          }
        />
      </div>
    </li>
  );
}

/** Private calendar subscription addresses: created (shown once), listed, revoked. */
export function FeedsSection() {
  const feeds = useFeeds();
  const create = useCreateFeed();
  const [created, setCreated] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const { target, rescue } = useFocusRescue<HTMLHeadingElement>();
  const createId = useId();
  return (
    <section className="card stack-small" aria-labelledby="feeds-heading">
      <h2 id="feeds-heading" ref={target} tabIndex={-1}>
        {t.feeds.heading}
      </h2>
      <p className="field-hint">{t.feeds.lead}</p>
      <FormStatus success={message} />
      <QueryStatus query={feeds} />
      {feeds.data?.length === 0 && !created ? <Empty>{t.feeds.empty}</Empty> : null}
      {feeds.data && feeds.data.length > 0 ? (
        <ul className="item-list item-list-flat">
          {feeds.data.map((feed) => (
            <FeedItem
              key={feed.id}
              feed={feed}
              onChange={(m) => {
                setMessage(m);
                rescue();
              }}
            />
          ))}
        </ul>
      ) : null}
      {created ? (
        <NewFeed
          url={created}
          onDone={() => {
            setCreated(null);
            window.requestAnimationFrame(() => document.getElementById(createId)?.focus());
          }}
        />
      ) : null}
      <FormStatus pending={create.isPending} error={create.error} />
      <ActionButton
        id={createId}
        className="button button-secondary"
        isPending={create.isPending}
        onPress={() =>
          create.mutate(undefined, {
            onSuccess: (feed) => {
              setMessage(null);
              setCreated(absoluteUrl(feed.url, window.location.origin));
            },
          })
        }
      >
        {t.feeds.create}
      </ActionButton>
    </section>
  );
}
