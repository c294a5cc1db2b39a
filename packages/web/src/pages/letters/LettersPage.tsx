import { useState, type FormEvent } from 'react';
import { Form } from 'react-aria-components';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../api/errors';
import { ActionButton } from '../../components/ActionButton';
import { Badge } from '../../components/Badge';
import { FormStatus } from '../../components/FormStatus';
import { Page } from '../../components/Page';
import { SelectField } from '../../components/SelectField';
import { Empty, QueryStatus } from '../../components/States';
import { TextInput } from '../../components/TextInput';
import { useFieldErrors } from '../../components/use-field-errors';
import { formatDateTime, isoOf } from '../../lib/format';
import { TextAreaField } from '../portal/TextAreaField';
import { LIMITS, pdfUrl, useLetterList, useStartLetter, useTemplates, type LetterSummary } from './letters-api';
import { lettersStrings as t } from './letters-strings';

function LetterRow({ letter, clientId }: { letter: LetterSummary; clientId: string }) {
  const filed = letter.status === 'final';
  return (
    <li className="item">
      <div className="item-main">
        <p className="item-title">
          <Link to={`/clients/${encodeURIComponent(clientId)}/letters/${encodeURIComponent(letter.id)}`}>
            {t.list.to(letter.recipientName)}
          </Link>
        </p>
        <p className="letters-subject">{letter.subject || t.list.noSubject}</p>
        <p className="item-meta">
          <Badge tone={filed ? 'good' : 'waiting'}>{filed ? t.list.filed : t.list.draft}</Badge>{' '}
          {t.list.by(letter.author.displayName)}
          {' · '}
          {filed ? (
            <time dateTime={isoOf(letter.finalisedAt)}>{t.list.filedOn(formatDateTime(letter.finalisedAt))}</time>
          ) : (
            <time dateTime={isoOf(letter.updatedAt)}>{t.list.savedOn(formatDateTime(letter.updatedAt))}</time>
          )}
        </p>
      </div>
      {filed ? (
        <div className="item-actions">
          <a
            className="button button-secondary"
            href={pdfUrl(letter.id)}
            download
            aria-label={t.list.downloadLabel(letter.recipientName)}
          >
            {t.list.download}
          </a>
        </div>
      ) : null}
    </li>
  );
}

function WriteLetter({ clientId }: { clientId: string }) {
  const templates = useTemplates();
  const start = useStartLetter(clientId);
  const errors = useFieldErrors(start.error);
  const navigate = useNavigate();
  const [templateId, setTemplateId] = useState('');
  const [recipientName, setRecipientName] = useState('');
  const [recipientAddress, setRecipientAddress] = useState('');
  const list = templates.data?.templates ?? [];
  const chosen = templateId || list[0]?.id || 'blank';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    start.mutate(
      { ...(chosen !== 'blank' ? { templateId: chosen } : {}), recipientName, recipientAddress },
      {
        onSuccess: (letter) =>
          void navigate(`/clients/${encodeURIComponent(clientId)}/letters/${encodeURIComponent(letter.id)}`),
      },
    );
  };
  return (
    <section className="card stack-small" aria-labelledby="write-heading">
      <h2 id="write-heading">{t.write.heading}</h2>
      <QueryStatus query={templates} />
      {templates.data ? (
        <Form className="stack-small" validationErrors={errors} onSubmit={submit}>
          {list.length === 0 ? <p className="muted">{t.write.noTemplates}</p> : null}
          <SelectField
            label={t.write.template}
            name="templateId"
            value={chosen}
            onChange={setTemplateId}
            description={t.write.templateHint}
            options={[
              ...list.map((template) => ({ value: template.id, label: template.name })),
              { value: 'blank', label: t.write.blank },
            ]}
          />
          <TextInput
            label={t.write.recipientName}
            name="recipientName"
            value={recipientName}
            onChange={setRecipientName}
            description={t.write.recipientNameHint}
            isRequired
            requiredMessage={t.write.recipientNameRequired}
            maxLength={LIMITS.recipientName}
          />
          <TextAreaField
            label={t.write.recipientAddress}
            name="recipientAddress"
            value={recipientAddress}
            onChange={setRecipientAddress}
            maxLength={LIMITS.recipientAddress}
          />
          <FormStatus pending={start.isPending} error={start.error} />
          <div className="button-row">
            <ActionButton type="submit" className="button button-primary" isPending={start.isPending}>
              {t.write.start}
            </ActionButton>
          </div>
        </Form>
      ) : null}
    </section>
  );
}

/** /clients/:clientId/letters — a client's letters (drafts and filed), and writing a new one. */
export function LettersPage() {
  const { clientId = '' } = useParams();
  const list = useLetterList(clientId);
  const name = list.data?.client.displayName ?? '';
  const notFound = list.error instanceof ApiError && (list.error.status === 404 || list.error.status === 403);
  const client = encodeURIComponent(clientId);
  return (
    <Page
      title={t.list.title(name)}
      lead={notFound ? undefined : t.list.lead}
      actions={
        <>
          <Link className="button button-quiet" to={`/clients/${client}`}>
            {t.list.toClient}
          </Link>
          <Link className="button button-quiet" to={`/clients/${client}/notes`}>
            {t.list.back}
          </Link>
        </>
      }
    >
      <QueryStatus query={list} />
      {list.data ? (
        <div className="stack">
          <section className="stack-small" aria-labelledby="letters-heading">
            <h2 id="letters-heading">{t.list.heading}</h2>
            {list.data.letters.length === 0 ? (
              <Empty>{t.list.empty}</Empty>
            ) : (
              <ul className="item-list" aria-label={t.list.heading}>
                {list.data.letters.map((letter) => (
                  <LetterRow key={letter.id} letter={letter} clientId={clientId} />
                ))}
              </ul>
            )}
          </section>
          <WriteLetter clientId={clientId} />
        </div>
      ) : null}
    </Page>
  );
}
