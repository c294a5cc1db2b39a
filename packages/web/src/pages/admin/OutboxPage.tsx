import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { keys } from '../../api/queries';
import type { OutboxMessage, OutboxStatus } from '../../api/types';
import { Badge } from '../../components/Badge';
import { Page } from '../../components/Page';
import { SelectField } from '../../components/SelectField';
import { Empty, QueryStatus } from '../../components/States';
import { formatDateTime, isoOf } from '../../lib/format';
import { outboxTone } from '../../lib/labels';
import { strings } from '../../strings';

const FILTERS: { value: OutboxStatus | ''; label: string }[] = [
  { value: '', label: strings.outbox.anyStatus },
  ...(['held', 'pending', 'sent', 'failed'] as const).map((s) => ({ value: s, label: strings.outboxStatus[s] })),
];

/** Every e-mail the practice has sent or is holding; on a laptop without SMTP this is how links get passed on. */
export function OutboxPage() {
  const [status, setStatus] = useState<OutboxStatus | ''>('');
  const messages = useQuery({
    queryKey: keys.outbox(status),
    queryFn: () => api<OutboxMessage[]>(`/api/outbox${status ? `?status=${status}` : ''}`),
  });
  return (
    <Page title={strings.outbox.title} lead={strings.outbox.lead}>
      <div className="filters">
        <SelectField
          label={strings.outbox.filterStatus}
          name="status"
          value={status}
          onChange={setStatus}
          options={FILTERS}
        />
      </div>
      <QueryStatus query={messages} />
      {messages.data?.length === 0 ? (
        <Empty>{status ? strings.outbox.emptyFiltered : strings.outbox.empty}</Empty>
      ) : null}
      {messages.data && messages.data.length > 0 ? (
        <ul className="item-list">
          {messages.data.map((message) => (
            <li className="item" key={message.id}>
              <div className="item-main">
                <p className="item-title">
                  <Link to={`/admin/outbox/${encodeURIComponent(message.id)}`}>{message.subject}</Link>{' '}
                  <Badge tone={outboxTone(message.status)}>{strings.outboxStatus[message.status]}</Badge>
                </p>
                <p className="item-meta">
                  {strings.outbox.to}: {message.to}
                </p>
                <p className="item-meta">
                  <time dateTime={isoOf(message.createdAt)}>{formatDateTime(message.createdAt)}</time>
                  {message.attempts > 0 ? ` · ${strings.outbox.attempts}: ${message.attempts}` : ''}
                </p>
              </div>
            </li>
          ))}
        </ul>
      ) : null}
    </Page>
  );
}
