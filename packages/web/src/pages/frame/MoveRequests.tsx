import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useDeclineMoveRequest, type MoveRequest } from '../../api/frame';
import type { Location } from '../../api/frame-types';
import { formatDateTime } from '../../lib/format';
import { TextAreaField } from './fields';
import { FormDialog } from './FormDialog';
import { frameStrings as t } from './frame-strings';
import { MoveDialog, whenLong, whenShort } from './SessionDialogs';

function DeclineDialog({ request, onDone }: { request: MoveRequest; onDone: (message: string) => void }) {
  const [message, setMessage] = useState('');
  const decline = useDeclineMoveRequest(request.id);
  return (
    <FormDialog
      trigger={
        <Button className="button button-quiet" aria-label={t.requests.declineLabel(whenShort(request.appointment))}>
          {t.requests.decline}
        </Button>
      }
      title={t.requests.declineTitle}
      submitLabel={t.requests.decline}
      pending={decline.isPending}
      error={decline.error}
      onOpenChange={(open) => {
        if (!open) return;
        setMessage('');
        decline.reset();
      }}
      onSubmit={(event, close) => {
        event.preventDefault();
        decline.mutate(message.trim() ? { message: message.trim() } : {}, {
          onSuccess: () => {
            close();
            onDone(t.requests.declined);
          },
        });
      }}
    >
      <p>{t.requests.declineBody}</p>
      <TextAreaField
        label={t.requests.declineMessage}
        name="message"
        optional
        rows={3}
        value={message}
        onChange={setMessage}
      />
    </FormDialog>
  );
}

/** The client's pending requests to move a session: their words, then move it or decline. */
export function MoveRequests({
  requests,
  locations,
  onChange,
}: {
  requests: MoveRequest[];
  locations: Location[];
  onChange: (message: string) => void;
}) {
  if (requests.length === 0) return null;
  return (
    <section className="card card-attention stack-small" aria-labelledby="requests-heading">
      <h2 id="requests-heading">{t.requests.heading}</h2>
      <ul className="plain-list">
        {requests.map((request) => (
          <li key={request.id} className="request">
            <p className="item-title">{t.requests.item(whenLong(request.appointment))}</p>
            <blockquote className="client-words">
              <p>{request.message?.trim() ? request.message : t.requests.noMessage}</p>
            </blockquote>
            <p className="item-meta">{t.requests.sent(formatDateTime(request.createdAt))}</p>
            <div className="button-row">
              <MoveDialog
                appointment={request.appointment}
                locations={locations}
                onDone={onChange}
                triggerLabel={t.requests.move}
                triggerClass="button button-primary"
              />
              <DeclineDialog request={request} onDone={onChange} />
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
