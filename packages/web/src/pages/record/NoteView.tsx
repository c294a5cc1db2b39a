import { useState } from 'react';
import { Button, Form } from 'react-aria-components';
import { Link } from 'react-router';
import { defenceById, dmrsLevelName, type DmrsLevel } from '@undercurrent/clinical';
import type { Note, NoteContent, NoteField } from '../../api/record-types';
import { ActionButton } from '../../components/ActionButton';
import { Badge } from '../../components/Badge';
import { FormStatus } from '../../components/FormStatus';
import { QueryStatus } from '../../components/States';
import { TextAreaField } from '../portal/TextAreaField';
import { formatDateTime, isoOf } from '../../lib/format';
import { useAmendNote, useNoteVersions } from './record-api';
import { noteBadges } from './record-format';
import { recordStrings as t } from './record-strings';

function Text({ text }: { text: string | undefined }) {
  return text?.trim() ? <p className="record-text">{text}</p> : <p className="muted">{t.note.empty}</p>;
}

function Defences({ content }: { content: Pick<NoteContent, 'defences'> }) {
  if (content.defences.length === 0) return <p className="muted">{t.note.noDefences}</p>;
  const sorted = [...content.defences].sort((a, b) => b.level - a.level);
  return (
    <ul className="record-plain-list">
      {sorted.map((r) => (
        <li key={r.defence}>
          {defenceById(r.defence)?.label ?? r.defence}{' '}
          <span className="muted">({t.note.level(r.level, dmrsLevelName(r.level as DmrsLevel))})</span>
        </li>
      ))}
    </ul>
  );
}

/** The structured fields of a note or version, in the template's order, each under its label. */
function Content({ note, content, fields }: { note: Note; content: NoteContent; fields: NoteField[] }) {
  const entries = (ids: string[]) =>
    ids.length === 0 ? (
      <p className="muted">{t.note.noMaterial}</p>
    ) : (
      <ul className="record-plain-list">
        {ids.map((id) => {
          const linked = note.linkedEntries.find((e) => e.entryId === id);
          if (!linked?.available) return <li key={id}>{t.note.unavailable}</li>;
          const name = `${t.kinds[linked.kind ?? ''] ?? linked.kind ?? ''}: ${linked.excerpt?.trim() || t.note.noExcerpt}`;
          return (
            <li key={id}>
              {linked.shareId ? (
                <Link
                  to={`/clients/${encodeURIComponent(note.clientId)}/journal/${encodeURIComponent(linked.shareId)}`}
                >
                  {name}
                </Link>
              ) : (
                name
              )}
            </li>
          );
        })}
      </ul>
    );
  const body = (field: NoteField) => {
    switch (field.key) {
      case 'material':
        return entries(content.materialEntryIds);
      case 'dreams':
        return entries(content.dreamEntryIds);
      case 'defences':
        return <Defences content={content} />;
      case 'interventions':
        return content.interventions.length === 0 ? (
          <p className="muted">{t.note.noInterventions}</p>
        ) : (
          <p>{content.interventions.map((i) => t.interventions[i]).join(', ')}</p>
        );
      default:
        return <Text text={content.fields[field.key]} />;
    }
  };
  // Fields the template no longer shows are still part of what was written.
  const shown = fields.filter((f) => f.enabled || (content.fields[f.key] ?? '').trim() !== '');
  return (
    <div className="record-content">
      <h3>{t.note.narrative}</h3>
      <Text text={content.narrative} />
      {shown.map((field) => (
        <div key={field.key}>
          <h3>{field.label}</h3>
          {body(field)}
        </div>
      ))}
    </div>
  );
}

function AmendForm({ note }: { note: Note }) {
  const amend = useAmendNote(note.id);
  const [reason, setReason] = useState('');
  const [text, setText] = useState('');
  const [added, setAdded] = useState(false);
  return (
    <section className="card stack-small" aria-labelledby="amend-form">
      <h3 id="amend-form">{t.amend.formHeading}</h3>
      <p className="field-hint">{t.amend.formHint}</p>
      <Form
        className="stack-small"
        onSubmit={(event) => {
          event.preventDefault();
          setAdded(false);
          amend.mutate(
            { reason: reason.trim(), text: text.trim() },
            {
              onSuccess: () => {
                setReason('');
                setText('');
                setAdded(true);
              },
            },
          );
        }}
      >
        <TextAreaField label={t.amend.reason} name="reason" value={reason} onChange={setReason} isRequired />
        <TextAreaField label={t.amend.text} name="text" value={text} onChange={setText} isRequired />
        <FormStatus pending={amend.isPending} error={amend.error} success={added ? t.amend.added : null} />
        <ActionButton type="submit" className="button button-primary" isPending={amend.isPending}>
          {t.amend.submit}
        </ActionButton>
      </Form>
    </section>
  );
}

function History({ note, fields }: { note: Note; fields: NoteField[] }) {
  const [open, setOpen] = useState(false);
  const versions = useNoteVersions(note.id, open);
  return (
    <section className="stack-small" aria-labelledby="history-heading">
      <h2 id="history-heading">{t.history.heading}</h2>
      <Button className="button button-secondary" aria-expanded={open} onPress={() => setOpen((o) => !o)}>
        {open ? t.history.hide : t.history.show}
      </Button>
      {open ? <QueryStatus query={versions} /> : null}
      {open && versions.data ? (
        <ol className="record-versions" aria-label={t.history.heading}>
          {versions.data.map((v) => (
            <li key={v.version}>
              <details className="record-version">
                <summary>
                  {t.history.version(v.version, t.history.kinds[v.kind] ?? v.kind)}
                  {' · '}
                  {t.history.savedBy(v.savedBy.displayName, formatDateTime(v.savedAt))}
                </summary>
                <Content note={note} content={v} fields={fields} />
              </details>
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}

/**
 * A note that cannot be edited here: signed (with its amendments, a form to add one, and its
 * history), or another therapist's draft.
 */
export function NoteView({ note, fields }: { note: Note; fields: NoteField[] }) {
  const signed = note.status === 'signed';
  return (
    <div className="stack">
      <section className="card stack-small" aria-label={t.note.titleFallback}>
        <p className="record-badges">
          {noteBadges({ ...note, amendmentCount: note.amendments.length }).map((b) => (
            <Badge key={b.text} tone={b.tone}>
              {b.text}
            </Badge>
          ))}
        </p>
        <dl className="item-facts">
          <div>
            <dt>{t.note.author}</dt>
            <dd>{note.author.displayName}</dd>
          </div>
          {signed && note.signedBy ? (
            <div>
              <dt>{t.note.signedBy}</dt>
              <dd>{note.signedBy.displayName}</dd>
            </div>
          ) : null}
          {signed && note.signedAt ? (
            <div>
              <dt>{t.note.signedAt}</dt>
              <dd>
                <time dateTime={isoOf(note.signedAt)}>{formatDateTime(note.signedAt)}</time>
              </dd>
            </div>
          ) : null}
        </dl>
        {note.signedLate ? <p className="record-late">{t.note.lateNote}</p> : null}
        <p className="record-odf-line">{note.odf === null ? t.note.odfNone : t.odfLong(note.odf)}</p>
        <Content note={note} content={note} fields={fields} />
      </section>
      {signed ? (
        <section className="stack-small" aria-labelledby="amendments-heading">
          <h2 id="amendments-heading">{t.amend.heading}</h2>
          {note.amendments.length === 0 ? (
            <p className="muted">{t.amend.none}</p>
          ) : (
            <ol className="item-list" aria-label={t.amend.heading}>
              {note.amendments.map((a) => (
                <li key={a.id} className="item">
                  <div className="item-main">
                    <p className="item-meta">
                      <time dateTime={isoOf(a.createdAt)}>
                        {t.amend.by(a.author.displayName, formatDateTime(a.createdAt))}
                      </time>
                    </p>
                    <p>
                      <strong>{t.amend.reasonLabel}:</strong> {a.reason}
                    </p>
                    <p className="record-text">{a.text}</p>
                  </div>
                </li>
              ))}
            </ol>
          )}
          <AmendForm note={note} />
        </section>
      ) : null}
      <History note={note} fields={fields} />
    </div>
  );
}
