import { useState } from 'react';
import { Button } from 'react-aria-components';
import { Link, useParams } from 'react-router';
import { Page } from '../../components/Page';
import { Empty, QueryStatus } from '../../components/States';
import { formatDate, formatDateTime, isoOf } from '../../lib/format';
import { useProcessNotes, useProcessSessions } from './process-api';
import { ProcessNoteEditor } from './ProcessNoteEditor';
import { ProcessNoteMarker } from './ProcessNoteMarker';
import { processStrings as t } from './process-strings';
import type { ProcessNote, ProcessSessionsView } from './process-types';

/** When each session began, by appointment id, from the client's note list (when it could be read). */
function sessionStarts(view: ProcessSessionsView | undefined): Map<string, string> {
  const starts = new Map<string, string>();
  if (!view) return starts;
  for (const note of view.notes) starts.set(note.appointmentId, note.session.startsAt);
  for (const session of view.sessionsWithoutNote) starts.set(session.appointmentId, session.startsAt);
  return starts;
}

function headingOf(note: ProcessNote, starts: Map<string, string>): string {
  if (!note.appointmentId) return t.page.general;
  const start = starts.get(note.appointmentId);
  return start ? t.page.aboutSession(formatDateTime(start)) : t.page.aboutASession;
}

/** /clients/:clientId/process-notes — the signed-in therapist's own process notes about one client. */
export function ProcessNotesPage() {
  const clientId = useParams().clientId ?? '';
  const list = useProcessNotes(clientId);
  const sessions = useProcessSessions(clientId);
  const starts = sessionStarts(sessions.data);
  const name = sessions.data?.client.displayName ?? '';
  const [writing, setWriting] = useState<string | null>(null);
  const [writtenId, setWrittenId] = useState<string | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const [status, setStatus] = useState('');

  const notes = (list.data ?? []).filter((n) => !(writing && n.id === writtenId));

  return (
    <Page
      title={name ? t.page.titleFor(name) : t.page.title}
      actions={
        <Link className="button button-secondary" to={`/clients/${encodeURIComponent(clientId)}/notes`}>
          {t.page.back}
        </Link>
      }
    >
      <div className="stack">
        <div className="process-panel">
          <ProcessNoteMarker />
        </div>
        <p className="form-status" role="status">
          {status}
        </p>
        {writing ? (
          <section className="card process-new" aria-labelledby="process-new-heading">
            <h2 id="process-new-heading">{t.page.newHeading}</h2>
            <p className="field-hint">{t.page.newHint}</p>
            <ProcessNoteEditor
              key={writing}
              clientId={clientId}
              appointmentId={null}
              note={null}
              autoFocus
              onSaved={(note) => setWrittenId(note.id)}
              onDeleted={() => setWrittenId(null)}
              onClose={() => {
                setWriting(null);
                setWrittenId(null);
              }}
            />
          </section>
        ) : (
          <div className="button-row">
            <Button
              className="button button-primary"
              onPress={() => {
                setStatus('');
                setWriting(String(Date.now()));
              }}
            >
              {t.page.write}
            </Button>
          </div>
        )}
        <section aria-labelledby="process-list-heading" className="stack-small">
          <h2 id="process-list-heading">{t.page.listHeading}</h2>
          <QueryStatus query={list} />
          {list.data && notes.length === 0 ? <Empty>{t.page.empty}</Empty> : null}
          {notes.length > 0 ? (
            <ul className="process-list">
              {notes.map((note) => {
                const heading = headingOf(note, starts);
                return (
                  <li key={note.id} className="card process-item">
                    <h3 className="process-item-heading">{heading}</h3>
                    <p className="process-item-meta">
                      <time dateTime={isoOf(note.createdAt)}>{t.page.written(formatDate(note.createdAt))}</time>
                      {note.updatedAt !== note.createdAt ? (
                        <>
                          {', '}
                          <time dateTime={isoOf(note.updatedAt)}>{t.page.updated(formatDateTime(note.updatedAt))}</time>
                        </>
                      ) : null}
                    </p>
                    {openId === note.id ? (
                      <ProcessNoteEditor
                        clientId={clientId}
                        appointmentId={note.appointmentId}
                        note={note}
                        labelMore={heading}
                        autoFocus
                        onDeleted={() => {
                          setOpenId(null);
                          setStatus(t.editor.deleted);
                        }}
                        onClose={() => setOpenId(null)}
                      />
                    ) : (
                      <>
                        <p className="process-body">{note.body}</p>
                        <div className="button-row">
                          <Button
                            className="button button-secondary"
                            aria-label={t.page.editLabel(heading)}
                            onPress={() => {
                              setStatus('');
                              setOpenId(note.id);
                            }}
                          >
                            {t.page.edit}
                          </Button>
                        </div>
                      </>
                    )}
                  </li>
                );
              })}
            </ul>
          ) : null}
        </section>
      </div>
    </Page>
  );
}
