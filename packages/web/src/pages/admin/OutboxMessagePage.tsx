import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { api, seg } from '../../api/client';
import { keys } from '../../api/queries';
import type { OutboxMessage, OutboxMessageWithBody } from '../../api/types';
import { Badge } from '../../components/Badge';
import { FormStatus } from '../../components/FormStatus';
import { Page } from '../../components/Page';
import { LoadError, Loading } from '../../components/States';
import { formatDateTime } from '../../lib/format';
import { outboxTone } from '../../lib/labels';
import { splitLinks } from '../../lib/links';
import { strings } from '../../strings';
import { ActionButton } from '../../components/ActionButton';

function EmailBody({ text }: { text: string }) {
  return (
    <div className="email-body">
      {splitLinks(text).map((segment, index) =>
        segment.kind === 'link' ? (
          <a key={index} href={segment.href}>
            {segment.text}
          </a>
        ) : (
          <span key={index}>{segment.text}</span>
        ),
      )}
    </div>
  );
}

/** One e-mail, opened (and audited): its links are clickable, so an invitation can be passed on by hand. */
export function OutboxMessagePage() {
  const { id = '' } = useParams();
  const queryClient = useQueryClient();
  const message = useQuery({
    queryKey: keys.outboxMessage(id),
    queryFn: () => api<OutboxMessageWithBody>(`/api/outbox/${seg(id)}`),
    staleTime: Infinity,
  });
  const retry = useMutation({
    mutationFn: () => api<OutboxMessage>(`/api/outbox/${seg(id)}/retry`, { method: 'POST' }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['outbox'] });
    },
  });
  const back = (
    <p>
      <Link to="/admin/outbox">{strings.outbox.back}</Link>
    </p>
  );

  if (message.isPending) {
    return (
      <Page title={strings.outbox.title}>
        <Loading />
      </Page>
    );
  }
  if (message.isError) {
    return (
      <Page title={strings.outbox.title}>
        <LoadError error={message.error} onRetry={() => void message.refetch()} />
        {back}
      </Page>
    );
  }
  const m = message.data;
  return (
    <Page title={m.subject}>
      <div className="stack">
        <dl className="facts card">
          <div>
            <dt>{strings.outbox.to}</dt>
            <dd>{m.to}</dd>
          </div>
          <div>
            <dt>{strings.people.filterStatus}</dt>
            <dd>
              <Badge tone={outboxTone(m.status)}>{strings.outboxStatus[m.status]}</Badge>
            </dd>
          </div>
          <div>
            <dt>{strings.outbox.created}</dt>
            <dd>{formatDateTime(m.createdAt)}</dd>
          </div>
          <div>
            <dt>{strings.outbox.sentAt}</dt>
            <dd>{formatDateTime(m.sentAt, strings.common.notYet)}</dd>
          </div>
          {m.lastError ? (
            <div>
              <dt>{strings.outbox.lastError}</dt>
              <dd>{m.lastError}</dd>
            </div>
          ) : null}
        </dl>
        <section aria-labelledby="email-body" className="card">
          <h2 id="email-body">{strings.outbox.bodyHeading}</h2>
          <EmailBody text={m.body} />
        </section>
        {m.status === 'failed' ? (
          <div>
            <FormStatus
              pending={retry.isPending}
              error={retry.error}
              success={retry.isSuccess ? strings.outbox.retried : null}
            />
            <ActionButton
              className="button button-secondary"
              onPress={() => retry.mutate()}
              isPending={retry.isPending}
            >
              {strings.outbox.retry}
            </ActionButton>
          </div>
        ) : null}
        {back}
      </div>
    </Page>
  );
}
