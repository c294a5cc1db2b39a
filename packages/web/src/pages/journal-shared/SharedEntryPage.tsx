import { Link, useParams } from 'react-router';
import { ApiError, messageOf } from '../../api/errors';
import type { SharedEntry, SharedItem } from '../../api/journal-types';
import { ActionButton } from '../../components/ActionButton';
import { Badge } from '../../components/Badge';
import { FormStatus } from '../../components/FormStatus';
import { Page } from '../../components/Page';
import { QueryStatus } from '../../components/States';
import { isoOf } from '../../lib/format';
import { DreamDetailsView, PlainText } from './DreamDetailsView';
import { EntryReference } from './EntryReference';
import { sharedStrings as t } from './journal-shared-strings';
import { useMarkUnread, useSharedEntry, useSharedList } from './shared-api';
import { dateTimeOf, dayInWords, nameOfEntry } from './shared-format';

function Facts({ entry }: { entry: SharedEntry }) {
  const changed = entry.updatedAt !== entry.createdAt;
  return (
    <dl className="facts shared-facts" aria-label={t.entry.facts}>
      <div>
        <dt>{t.entry.written}</dt>
        <dd>
          <time dateTime={isoOf(entry.createdAt)}>{dateTimeOf(entry.createdAt)}</time>
        </dd>
      </div>
      {changed ? (
        <div>
          <dt>{t.entry.changed}</dt>
          <dd>
            <time dateTime={isoOf(entry.updatedAt)}>{dateTimeOf(entry.updatedAt)}</time>
          </dd>
        </div>
      ) : null}
      {entry.kind === 'dream' && entry.dreamtOn ? (
        <div>
          <dt>{t.entry.dreamt}</dt>
          <dd>
            {dayInWords(entry.dreamtOn)}
            {entry.dreamPeriod ? `, ${t.periods[entry.dreamPeriod]}` : ''}
          </dd>
        </div>
      ) : null}
      {entry.nightmare || entry.lucid ? (
        <div>
          <dt>{t.entry.flags}</dt>
          <dd className="badge-row">
            {entry.nightmare ? <Badge tone="waiting">{t.entry.nightmare}</Badge> : null}
            {entry.lucid ? <Badge tone="info">{t.entry.lucid}</Badge> : null}
          </dd>
        </div>
      ) : null}
      {entry.kind === 'free_association' ? (
        <div>
          <dt>{t.entry.timeSpent}</dt>
          <dd>
            {t.minutes(entry.secondsSpent)}
            {entry.timerMinutes ? ` ${t.entry.timer(entry.timerMinutes)}` : ''}
          </dd>
        </div>
      ) : null}
      {entry.kind === 'check_in' && entry.mood !== null ? (
        <div>
          <dt>{t.entry.mood}</dt>
          <dd>{t.entry.moodOf(entry.mood)}</dd>
        </div>
      ) : null}
      {entry.appointmentId ? (
        <div>
          <dt>{t.entry.session}</dt>
          <dd>{t.entry.aSession}</dd>
        </div>
      ) : null}
      <div>
        <dt>{t.entry.words}</dt>
        <dd>{entry.wordCount}</dd>
      </div>
    </dl>
  );
}

function MarkUnread({ clientId, shareId }: { clientId: string; shareId: string }) {
  const mark = useMarkUnread(clientId, shareId);
  return (
    <div className="stack-small">
      <FormStatus pending={mark.isPending} error={mark.error} success={mark.isSuccess ? t.entry.markedUnread : null} />
      {mark.isSuccess ? null : (
        <ActionButton className="button button-secondary" isPending={mark.isPending} onPress={() => mark.mutate()}>
          {t.entry.markUnread}
        </ActionButton>
      )}
    </div>
  );
}

function Entry({
  item,
  entry,
  clientId,
  shared,
}: {
  item: SharedItem;
  entry: SharedEntry;
  clientId: string;
  shared: SharedItem[];
}) {
  const path = `/clients/${encodeURIComponent(clientId)}/journal/${encodeURIComponent(item.shareId)}`;
  return (
    <div className="stack">
      {item.toBring ? <p className="notice notice-info">{t.entry.toBring}</p> : null}
      <Facts entry={entry} />
      <section className="stack-small" aria-labelledby="text-heading">
        <h2 id="text-heading" className="visually-hidden">
          {t.entry.textHeading}
        </h2>
        {entry.body.trim() ? <PlainText text={entry.body} className="shared-text shared-body" /> : null}
        {entry.body.trim() ? null : <p className="muted">{t.entry.empty}</p>}
      </section>
      {entry.kind === 'dream' ? (
        <DreamDetailsView details={entry.details} recursIds={entry.recursIds} shared={shared} clientId={clientId} />
      ) : null}
      <MarkUnread clientId={clientId} shareId={item.shareId} />
      <EntryReference path={path} entryId={entry.id} />
    </div>
  );
}

/**
 * One entry a client shared with me, as plain text (never HTML). Opening it marks it read; I can
 * mark it unread again, and copy a link to cite from a session note. A withdrawn entry is only the
 * server's word that it was withdrawn.
 */
export function SharedEntryPage() {
  const { clientId = '', shareId = '' } = useParams();
  const read = useSharedEntry(clientId, shareId);
  const list = useSharedList(clientId);
  const name = list.data?.client.displayName ?? '';
  const gone = read.error instanceof ApiError && (read.error.status === 410 || read.error.status === 404);
  const withdrawn = read.error instanceof ApiError && read.error.status === 410;
  const title = read.data ? nameOfEntry(read.data.entry) : withdrawn ? t.entry.titleWithdrawn : t.entry.titleFallback;
  return (
    <Page
      title={title}
      lead={read.data ? t.entry.sharedBy(name, dateTimeOf(read.data.item.sharedAt)) : undefined}
      actions={
        <Link className="button button-quiet" to={`/clients/${encodeURIComponent(clientId)}/journal`}>
          {t.entry.back}
        </Link>
      }
    >
      {gone ? (
        // The server's own words: who withdrew it and when, or that there is no such entry.
        <p className="notice notice-info">{messageOf(read.error)}</p>
      ) : (
        <QueryStatus query={read} />
      )}
      {read.data ? (
        <Entry item={read.data.item} entry={read.data.entry} clientId={clientId} shared={list.data?.items ?? []} />
      ) : null}
    </Page>
  );
}
