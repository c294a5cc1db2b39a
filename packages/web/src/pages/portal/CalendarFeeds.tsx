import { useEffect, useRef, useState } from 'react';
import { Button, Input, Label, Text, TextField } from 'react-aria-components';
import { ActionButton } from '../../components/ActionButton';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { FormStatus } from '../../components/FormStatus';
import { Empty, QueryStatus } from '../../components/States';
import { formatDateTime, isoOf } from '../../lib/format';
import { useCalendarFeeds, useCreateFeed, useRevokeFeed, type CalendarFeed, type NewCalendarFeed } from './portal-api';
import { portalStrings as s } from './portal-strings';

/** A new subscription link, shown once, with a way to copy it. */
function NewFeed({ feed, onDone }: { feed: NewCalendarFeed; onDone: () => void }) {
  const [status, setStatus] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  const copy = () => {
    if (!navigator.clipboard) {
      setStatus(s.calendar.copyFailed);
      return;
    }
    navigator.clipboard.writeText(feed.url).then(
      () => setStatus(s.calendar.copied),
      () => setStatus(s.calendar.copyFailed),
    );
  };

  return (
    <div className="notice notice-success stack-small">
      <h3 ref={heading} tabIndex={-1}>
        {s.calendar.created}
      </h3>
      <TextField className="field" value={feed.url} isReadOnly>
        <Label className="field-label">{s.calendar.urlLabel}</Label>
        <Text slot="description" className="field-hint">
          {s.calendar.urlHint}
        </Text>
        <Input className="field-input" spellCheck={false} onFocus={(event) => event.currentTarget.select()} />
      </TextField>
      <div className="button-row">
        <Button className="button button-secondary" onPress={copy}>
          {s.calendar.copy}
        </Button>
        <Button className="button button-quiet" onPress={onDone}>
          {s.calendar.hide}
        </Button>
      </div>
      <p className="form-status" role="status">
        {status}
      </p>
    </div>
  );
}

function FeedItem({ feed, onRevoked }: { feed: CalendarFeed; onRevoked: () => void }) {
  const revoke = useRevokeFeed(feed.id);
  const created = formatDateTime(feed.createdAt);
  return (
    <li className="item">
      <div className="item-main">
        <p className="item-title">
          <time dateTime={isoOf(feed.createdAt)}>{s.calendar.linkCreated(created)}</time>
        </p>
        <p className="item-meta">
          {feed.lastUsedAt ? s.calendar.lastUsed(formatDateTime(feed.lastUsedAt)) : s.calendar.notUsed}
        </p>
      </div>
      <div className="item-actions">
        <ConfirmDialog
          trigger={
            <Button className="button button-secondary" aria-label={s.calendar.revokeFor(created)}>
              {s.calendar.revoke}
            </Button>
          }
          title={s.calendar.revokeTitle}
          body={<p>{s.calendar.revokeBody}</p>}
          confirmLabel={s.calendar.revoke}
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

/** Subscription links for calendar apps: create one (shown once), see when each was used, stop any. */
export function CalendarFeeds() {
  const feeds = useCalendarFeeds();
  const create = useCreateFeed();
  const [shown, setShown] = useState<NewCalendarFeed | null>(null);
  const [status, setStatus] = useState<string | null>(null);

  return (
    <section className="stack-small" aria-labelledby="portal-calendar">
      <h2 id="portal-calendar">{s.calendar.heading}</h2>
      <p>{s.calendar.lead}</p>
      <p className="muted">{s.calendar.titlesNote}</p>
      {shown ? (
        <NewFeed feed={shown} onDone={() => setShown(null)} />
      ) : (
        <div>
          <ActionButton
            className="button button-secondary"
            isPending={create.isPending}
            onPress={() => {
              setStatus(null);
              create.mutate(undefined, { onSuccess: (feed) => setShown(feed) });
            }}
          >
            {s.calendar.create}
          </ActionButton>
        </div>
      )}
      <FormStatus pending={create.isPending} error={create.error} success={status} />
      <QueryStatus query={feeds} />
      {feeds.data && feeds.data.length === 0 && !shown ? <Empty>{s.calendar.none}</Empty> : null}
      {feeds.data && feeds.data.length > 0 ? (
        <ul className="item-list" aria-label={s.calendar.listLabel}>
          {feeds.data.map((feed) => (
            <FeedItem key={feed.id} feed={feed} onRevoked={() => setStatus(s.calendar.revoked)} />
          ))}
        </ul>
      ) : null}
    </section>
  );
}
