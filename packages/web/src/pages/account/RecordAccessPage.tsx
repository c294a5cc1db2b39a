import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { keys } from '../../api/queries';
import type { RecordAccessEntry } from '../../api/types';
import { Badge } from '../../components/Badge';
import { Page } from '../../components/Page';
import { Empty, QueryStatus } from '../../components/States';
import { formatDateTime, isoOf } from '../../lib/format';
import { actionLabel, outcomeLabel, outcomeTone, roleLabel } from '../../lib/labels';
import { strings } from '../../strings';

/** The access log a person can read about their own record. */
export function RecordAccessPage() {
  const entries = useQuery({
    queryKey: keys.recordAccess,
    queryFn: () => api<RecordAccessEntry[]>('/api/me/record-access'),
  });
  return (
    <Page title={strings.recordAccess.title} lead={strings.recordAccess.lead}>
      <QueryStatus query={entries} />
      {entries.data?.length === 0 ? <Empty>{strings.recordAccess.empty}</Empty> : null}
      {entries.data && entries.data.length > 0 ? (
        <ul className="item-list">
          {entries.data.map((entry, index) => (
            <li className="item" key={`${entry.occurredAt}-${index}`}>
              <div className="item-main">
                <p className="item-title">
                  {actionLabel(entry.action)}{' '}
                  <Badge tone={outcomeTone(entry.outcome)}>{outcomeLabel(entry.outcome)}</Badge>
                </p>
                <p className="item-meta">
                  <time dateTime={isoOf(entry.occurredAt)}>{formatDateTime(entry.occurredAt)}</time> ·{' '}
                  {entry.actorName ?? strings.audit.system}
                  {entry.actorRole && entry.actorRole !== 'system' ? ` (${roleLabel(entry.actorRole)})` : ''}
                </p>
              </div>
            </li>
          ))}
        </ul>
      ) : null}
    </Page>
  );
}
