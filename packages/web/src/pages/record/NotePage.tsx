import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/errors';
import { useCurrentUser } from '../../app/current-user';
import { Page } from '../../components/Page';
import { QueryStatus } from '../../components/States';
import { formatDate } from '../../lib/format';
import { NoteEditor } from './NoteEditor';
import { NoteView } from './NoteView';
import { ProcessNotePanel } from './ProcessNotePanel';
import { useNote, useNoteSettings } from './record-api';
import { recordStrings as t } from './record-strings';

/**
 * One progress note: the draft editor for its author, otherwise (signed, or another therapist's
 * draft) the note as it stands, with amendments and history.
 */
export function NotePage() {
  const { clientId = '', noteId = '' } = useParams();
  const me = useCurrentUser();
  const note = useNote(noteId);
  const settings = useNoteSettings();
  // Bumped to start the editor afresh from the server's copy (after "this note changed elsewhere").
  const [loads, setLoads] = useState(0);
  const n = note.data;
  const notFound = note.error instanceof ApiError && (note.error.status === 404 || note.error.status === 403);
  const lead = !n
    ? undefined
    : n.status === 'signed'
      ? t.note.leadSigned
      : n.author.id === me.user.id
        ? t.note.leadDraft
        : t.note.leadOtherDraft(n.author.displayName);
  const reload = () => {
    void note.refetch().then(() => setLoads((l) => l + 1));
  };
  const fields = settings.data?.fields ?? [];
  return (
    <Page
      title={n ? t.note.title(formatDate(n.session.startsAt)) : t.note.titleFallback}
      lead={notFound ? undefined : lead}
      actions={
        <Link className="button button-quiet" to={`/clients/${encodeURIComponent(clientId)}/notes`}>
          {t.note.back}
        </Link>
      }
    >
      <QueryStatus query={note} />
      {n ? <QueryStatus query={settings} /> : null}
      {n && settings.data ? (
        n.status === 'draft' && n.author.id === me.user.id ? (
          <NoteEditor key={`${n.id}:${loads}`} note={n} fields={fields} onReload={reload} />
        ) : (
          <NoteView note={n} fields={fields} />
        )
      ) : null}
      {n && settings.data ? (
        // Visibly apart from the progress note: the therapist's own, private process note.
        <div className="record-private-gap">
          <ProcessNotePanel clientId={n.clientId} appointmentId={n.appointmentId} />
        </div>
      ) : null}
    </Page>
  );
}
