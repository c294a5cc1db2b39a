import { Link } from 'react-router';
import { Page } from '../../components/Page';
import { Empty, QueryStatus } from '../../components/States';
import { DeadlineBadge, StatusBadge } from './DeadlineBadge';
import { useRequests } from './subject-access-api';
import { formatDay } from './subject-access-format';
import { sarStrings as t } from './subject-access-strings';

/** /admin/subject-access — every request, open ones first by deadline, with overdue ones marked. */
export function RequestsPage() {
  const requests = useRequests();
  const record = (
    <Link className="button button-primary" to="/admin/subject-access/new">
      {t.list.record}
    </Link>
  );
  return (
    <Page title={t.list.title} lead={t.list.lead} actions={record}>
      <QueryStatus query={requests} />
      {requests.data && requests.data.length === 0 ? <Empty>{t.list.empty}</Empty> : null}
      {requests.data && requests.data.length > 0 ? (
        <ul className="sar-list" aria-label={t.list.title}>
          {requests.data.map((r) => (
            <li key={r.id} className={r.overdue ? 'card sar-item sar-item-overdue' : 'card sar-item'}>
              <h2 className="sar-item-name">
                <Link
                  to={`/admin/subject-access/${encodeURIComponent(r.id)}`}
                  aria-label={t.list.open(r.client.displayName)}
                >
                  {r.client.displayName}
                </Link>
              </h2>
              <div className="sar-badges">
                <StatusBadge status={r.status} />
                <DeadlineBadge request={r} />
                {r.extended ? <span className="badge badge-info">{t.list.extended}</span> : null}
              </div>
              <dl className="sar-facts">
                <div>
                  <dt>{t.list.received}</dt>
                  <dd>{formatDay(r.receivedOn)}</dd>
                </div>
                <div>
                  <dt>{t.list.due}</dt>
                  <dd>{formatDay(r.dueOn)}</dd>
                </div>
              </dl>
            </li>
          ))}
        </ul>
      ) : null}
    </Page>
  );
}
