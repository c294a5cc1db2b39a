import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/errors';
import type { SharedItem, SharedList } from '../../api/journal-types';
import { Page } from '../../components/Page';
import { Empty, QueryStatus } from '../../components/States';
import { isoOf } from '../../lib/format';
import { sharedStrings as t } from './journal-shared-strings';
import { useSharedList } from './shared-api';
import { dateOf, isUnread } from './shared-format';
import { SharedItemRow } from './SharedItemRow';

const newestFirst = (a: SharedItem, b: SharedItem) => b.sharedAt.localeCompare(a.sharedAt);

function Items({ items, clientId, label }: { items: SharedItem[]; clientId: string; label: string }) {
  return (
    <ul className="item-list" aria-label={label}>
      {items.map((item) => (
        <SharedItemRow key={item.shareId} item={item} clientId={clientId} />
      ))}
    </ul>
  );
}

function Sessions({ list }: { list: SharedList }) {
  return (
    <dl className="item-facts shared-sessions">
      <div>
        <dt>{t.list.lastSession}</dt>
        <dd>
          {list.lastSession ? (
            <time dateTime={isoOf(list.lastSession.startsAt)}>{dateOf(list.lastSession.startsAt)}</time>
          ) : (
            t.list.noLastSession
          )}
        </dd>
      </div>
      <div>
        <dt>{t.list.nextSession}</dt>
        <dd>
          {list.nextSession ? (
            <time dateTime={isoOf(list.nextSession.startsAt)}>{dateOf(list.nextSession.startsAt)}</time>
          ) : (
            t.list.noNextSession
          )}
        </dd>
      </div>
    </dl>
  );
}

function Lists({ list, clientId }: { list: SharedList; clientId: string }) {
  const items = [...list.items].sort(newestFirst);
  const toBring = items.filter((item) => item.toBring);
  const since = items.filter((item) => !item.toBring && item.sinceLastSession);
  const earlier = items.filter((item) => !item.toBring && !item.sinceLastSession);
  return (
    <div className="stack">
      <section className="stack-small" aria-labelledby="since-heading">
        <h2 id="since-heading">{t.list.sinceHeading}</h2>
        <Sessions list={list} />
        <h3 id="to-bring-heading">{t.list.toBringHeading}</h3>
        {toBring.length > 0 ? (
          <Items items={toBring} clientId={clientId} label={t.list.toBringHeading} />
        ) : (
          <p className="muted">{t.list.toBringEmpty}</p>
        )}
        <h3 id="also-heading">{t.list.alsoHeading}</h3>
        {since.length > 0 ? (
          <Items items={since} clientId={clientId} label={t.list.alsoHeading} />
        ) : (
          <p className="muted">{t.list.alsoEmpty}</p>
        )}
      </section>
      {earlier.length > 0 ? (
        <section className="stack-small" aria-labelledby="earlier-heading">
          <h2 id="earlier-heading">{t.list.earlierHeading}</h2>
          <Items items={earlier} clientId={clientId} label={t.list.earlierHeading} />
        </section>
      ) : null}
      {list.items.length >= 200 ? <p className="muted">{t.list.limitNote}</p> : null}
    </div>
  );
}

/**
 * What one client has shared with me from their journal, as I prepare for the next session: first
 * what they want to bring, then the rest shared since the last session, then earlier shares.
 */
export function SharedJournalPage() {
  const { clientId = '' } = useParams();
  const list = useSharedList(clientId);
  const name = list.data?.client.displayName ?? '';
  const unread = list.data?.items.filter(isUnread).length ?? 0;
  const notFound = list.error instanceof ApiError && (list.error.status === 404 || list.error.status === 403);
  return (
    <Page
      title={unread > 0 ? t.list.titleUnread(name, unread) : t.list.title(name)}
      lead={notFound ? undefined : t.list.lead}
      actions={
        <Link className="button button-quiet" to={`/clients/${encodeURIComponent(clientId)}`}>
          {t.list.back}
        </Link>
      }
    >
      <QueryStatus query={list} />
      {list.data && list.data.items.length === 0 ? (
        <Empty>{t.list.nothingYet}</Empty>
      ) : list.data ? (
        <Lists list={list.data} clientId={clientId} />
      ) : null}
    </Page>
  );
}
