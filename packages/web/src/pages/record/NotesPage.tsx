import { Link, useNavigate, useParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../api/errors';
import { api, seg } from '../../api/client';
import type { NoteList, NoteSummary } from '../../api/record-types';
import { ActionButton } from '../../components/ActionButton';
import { Badge } from '../../components/Badge';
import { FormStatus } from '../../components/FormStatus';
import { Page } from '../../components/Page';
import { Empty, QueryStatus } from '../../components/States';
import { formatDate, formatDateTime, isoOf } from '../../lib/format';
import { LettersLink } from '../letters/LettersLink';
import { recordKeys, useNoteList, useStartNote } from './record-api';
import { noteBadges } from './record-format';
import { recordStrings as t } from './record-strings';
import { MeasuresLink } from '../measures/MeasuresLink';

function NoteRow({ note, clientId, hasProcessNote }: { note: NoteSummary; clientId: string; hasProcessNote: boolean }) {
  const when = formatDate(note.session.startsAt);
  return (
    <li className="item">
      <div className="item-main">
        <p className="item-title">
          <Link to={`/clients/${encodeURIComponent(clientId)}/notes/${encodeURIComponent(note.id)}`}>
            <time dateTime={isoOf(note.session.startsAt)}>{t.list.session(when)}</time>
          </Link>
        </p>
        <p className="record-badges">
          {noteBadges(note).map((b) => (
            <Badge key={b.text} tone={b.tone}>
              {b.text}
            </Badge>
          ))}
          {note.odf !== null ? <span className="record-odf">{t.odf(note.odf)}</span> : null}
        </p>
        <p className="item-meta">
          {t.list.by(note.author.displayName)}
          {' · '}
          {note.signedAt
            ? t.list.signedOn(formatDateTime(note.signedAt))
            : t.list.lastSaved(formatDateTime(note.updatedAt))}
          {note.amendmentCount > 0 ? ` · ${t.list.amendments(note.amendmentCount)}` : ''}
        </p>
        <p className="record-excerpt">{note.excerpt.trim() || t.list.emptyNarrative}</p>
        {hasProcessNote ? <p className="item-meta">{t.list.processNote}</p> : null}
      </div>
    </li>
  );
}

function WithoutNote({ list, clientId }: { list: NoteList; clientId: string }) {
  const start = useStartNote(clientId);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const open = (noteId: string) =>
    void navigate(`/clients/${encodeURIComponent(clientId)}/notes/${encodeURIComponent(noteId)}`);
  const write = (appointmentId: string) =>
    start.mutate(appointmentId, {
      onSuccess: (note) => open(note.id),
      onError: async (error) => {
        // Started meanwhile (another window): open the note that exists.
        if (error instanceof ApiError && error.code === 'exists') {
          const fresh = await api<NoteList>(`/api/record/clients/${seg(clientId)}/notes`).catch(() => null);
          if (fresh) queryClient.setQueryData(recordKeys.list(clientId), fresh);
          const found = fresh?.notes.find((n) => n.appointmentId === appointmentId);
          if (found) open(found.id);
        }
      },
    });
  return (
    <section className="stack-small" aria-labelledby="without-heading">
      <h2 id="without-heading">{t.list.withoutHeading}</h2>
      <FormStatus pending={start.isPending} error={start.error} />
      {list.sessionsWithoutNote.length === 0 ? (
        <p className="muted">{t.list.withoutEmpty}</p>
      ) : (
        <ul className="item-list" aria-label={t.list.withoutHeading}>
          {list.sessionsWithoutNote.map((s) => {
            const when = formatDate(s.startsAt);
            return (
              <li key={s.appointmentId} className="item">
                <div className="item-main">
                  <p className="item-title">
                    <time dateTime={isoOf(s.startsAt)}>{t.list.session(when)}</time>
                  </p>
                  {list.myProcessNoteAppointmentIds.includes(s.appointmentId) ? (
                    <p className="item-meta">{t.list.processNote}</p>
                  ) : null}
                </div>
                <div className="item-actions">
                  <ActionButton
                    className="button button-primary"
                    aria-label={t.list.writeLabel(when)}
                    isPending={start.isPending && start.variables === s.appointmentId}
                    onPress={() => write(s.appointmentId)}
                  >
                    {t.list.write}
                  </ActionButton>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

/** A client's progress notes, newest first, and the past sessions still without one. */
export function NotesPage() {
  const { clientId = '' } = useParams();
  const list = useNoteList(clientId);
  const name = list.data?.client.displayName ?? '';
  const notFound = list.error instanceof ApiError && (list.error.status === 404 || list.error.status === 403);
  return (
    <Page
      title={t.list.title(name)}
      lead={notFound ? undefined : t.list.lead}
      actions={
        <>
          <Link className="button button-quiet" to={`/clients/${encodeURIComponent(clientId)}`}>
            {t.list.back}
          </Link>
          {list.data ? (
            <Link className="button button-secondary" to={`/clients/${encodeURIComponent(clientId)}/formulation`}>
              {t.list.formulationLink}
            </Link>
          ) : null}
          {list.data ? (
            <Link className="button button-secondary" to={`/clients/${encodeURIComponent(clientId)}/process-notes`}>
              {t.list.processNotesLink}
            </Link>
          ) : null}
          {list.data ? (
            <Link className="button button-secondary" to={`/clients/${encodeURIComponent(clientId)}/patterns`}>
              {t.list.patternsLink}
            </Link>
          ) : null}
          {list.data ? <LettersLink clientId={clientId} bare /> : null}
          {list.data ? <MeasuresLink clientId={clientId} /> : null}
        </>
      }
    >
      <QueryStatus query={list} />
      {list.data ? (
        <div className="stack">
          <WithoutNote list={list.data} clientId={clientId} />
          <section className="stack-small" aria-labelledby="notes-heading">
            <h2 id="notes-heading">{t.list.notesHeading}</h2>
            {list.data.notes.length === 0 ? (
              <Empty>{t.list.notesEmpty}</Empty>
            ) : (
              <ul className="item-list" aria-label={t.list.notesHeading}>
                {list.data.notes.map((note) => (
                  <NoteRow
                    key={note.id}
                    note={note}
                    clientId={clientId}
                    hasProcessNote={list.data.myProcessNoteAppointmentIds.includes(note.appointmentId)}
                  />
                ))}
              </ul>
            )}
          </section>
        </div>
      ) : null}
    </Page>
  );
}
