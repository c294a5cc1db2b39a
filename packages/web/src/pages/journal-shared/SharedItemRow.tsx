import { Link } from 'react-router';
import type { SharedItem } from '../../api/journal-types';
import { Badge } from '../../components/Badge';
import { isoOf } from '../../lib/format';
import { sharedStrings as t } from './journal-shared-strings';
import { dateOf, dateTimeOf, entryName } from './shared-format';

function ReadState({ item }: { item: SharedItem }) {
  if (item.readAt === null) return <Badge tone="info">{t.list.unread}</Badge>;
  if (item.updatedSinceRead) return <Badge tone="waiting">{t.list.updated}</Badge>;
  return <Badge>{t.list.read}</Badge>;
}

/**
 * One share on the therapist's list: what kind, when, the first words and whether they have read
 * it. A withdrawn share is only the fact and its dates: no kind, no words, no link.
 */
export function SharedItemRow({ item, clientId }: { item: SharedItem; clientId: string }) {
  if (item.withdrawnAt !== null) {
    return (
      <li className="item shared-item shared-withdrawn">
        <div className="item-main">
          <p>{t.list.withdrawn(dateOf(item.sharedAt), dateOf(item.withdrawnAt))}</p>
        </div>
      </li>
    );
  }
  const unread = item.readAt === null || item.updatedSinceRead;
  return (
    <li className={unread ? 'item shared-item shared-unread' : 'item shared-item'}>
      <div className="item-main stack-small">
        <p className="item-title">
          <Link to={`/clients/${encodeURIComponent(clientId)}/journal/${encodeURIComponent(item.shareId)}`}>
            {entryName(item, item.sharedAt)}
          </Link>{' '}
          <ReadState item={item} /> {item.toBring ? <Badge tone="good">{t.list.toBring}</Badge> : null}
        </p>
        {item.excerpt ? (
          <p className="shared-excerpt" dir="auto">
            {item.excerpt}
          </p>
        ) : null}
        <p className="item-meta">
          <time dateTime={isoOf(item.sharedAt)}>{t.list.shared(dateTimeOf(item.sharedAt))}</time>
          {item.readAt ? `, ${t.list.readOn(dateTimeOf(item.readAt))}` : ''}
        </p>
      </div>
    </li>
  );
}
