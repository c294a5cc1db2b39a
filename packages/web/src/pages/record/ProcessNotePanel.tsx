import { useId } from 'react';
import { Link } from 'react-router';
import { QueryStatus } from '../../components/States';
import { useProcessNotes } from './process-api';
import { ProcessNoteEditor } from './ProcessNoteEditor';
import { ProcessNoteMarker } from './ProcessNoteMarker';
import { processStrings as t } from './process-strings';

/**
 * Below a session's progress note, kept visibly apart from it: the therapist's own process note
 * about that session (one per session), marked as private and not part of the clinical record.
 */
export function ProcessNotePanel({ clientId, appointmentId }: { clientId: string; appointmentId: string }) {
  const headingId = useId();
  const list = useProcessNotes(clientId);
  const note = list.data?.find((n) => n.appointmentId === appointmentId) ?? null;
  return (
    <section className="process-panel" aria-labelledby={headingId}>
      <ProcessNoteMarker headingId={headingId} />
      <QueryStatus query={list} />
      {list.data ? (
        <ProcessNoteEditor key={appointmentId} clientId={clientId} appointmentId={appointmentId} note={note} />
      ) : null}
      <p>
        <Link className="process-link" to={`/clients/${encodeURIComponent(clientId)}/process-notes`}>
          {t.panel.allNotes}
        </Link>
      </p>
    </section>
  );
}
