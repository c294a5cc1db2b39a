import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../api/errors';
import type { Entry } from '../../api/journal-types';
import { Page } from '../../components/Page';
import { Empty, QueryStatus } from '../../components/States';
import { DeleteEntry } from './DeleteEntry';
import { EntryFacts, LinkedSession, RecurringDreams } from './EntryFacts';
import { EntryFlags } from './EntryMarkers';
import { EntryTags } from './EntryTags';
import { DreamDetailsView, EntryBody } from './EntryText';
import { useDeleteEntry, useEntry } from './journal-api';
import { dayLong } from './journal-format';
import { journalPaths } from './journal-paths';
import { journalStrings as s } from './journal-strings';
import { PrivacyPanel } from './PrivacyPanel';

export const entryTitle = (entry: Pick<Entry, 'kind' | 'createdAt'>) =>
  s.entry.title(s.kinds[entry.kind], dayLong(entry.createdAt));

function EntryView({ entry, onDelete }: { entry: Entry; onDelete: ReturnType<typeof useDeleteEntryFlow> }) {
  return (
    <div className="journal-entry-layout">
      <article className="card journal-entry" aria-label={entryTitle(entry)}>
        <EntryFlags entry={entry} />
        <EntryFacts entry={entry} />
        <EntryBody entry={entry} />
        {entry.kind === 'dream' && entry.details ? <DreamDetailsView details={entry.details} /> : null}
      </article>
      <div className="journal-entry-side stack-small">
        <PrivacyPanel entry={entry} />
        {entry.appointmentId ? <LinkedSession appointmentId={entry.appointmentId} /> : null}
        {entry.kind === 'dream' && entry.recursIds.length > 0 ? <RecurringDreams ids={entry.recursIds} /> : null}
        <EntryTags entry={entry} />
        <div className="journal-entry-delete">
          <DeleteEntry
            entry={entry}
            pending={onDelete.pending}
            error={onDelete.error}
            onConfirm={(close) => onDelete.run(entry, close)}
          />
        </div>
      </div>
    </div>
  );
}

/** Deletes, then goes back to the timeline, which says so (and where focus starts at its heading). */
function useDeleteEntryFlow(id: string) {
  const remove = useDeleteEntry(id);
  const navigate = useNavigate();
  return {
    mutation: remove,
    pending: remove.isPending,
    error: remove.error,
    run: (entry: Entry, close: () => void) =>
      remove.mutate(
        { withdrawFirst: entry.sharing.state === 'shared' },
        {
          onSuccess: () => {
            close();
            void navigate(journalPaths.timeline, { state: { message: s.timeline.deleted } });
          },
        },
      ),
  };
}

/** One entry: the words as written, who can see it, its tags, and editing or deleting it. */
export function EntryPage() {
  const id = useParams().id ?? '';
  // A link to another entry (a recurring dream, the other version) starts a fresh page.
  return <OneEntry key={id} id={id} />;
}

function OneEntry({ id }: { id: string }) {
  const onDelete = useDeleteEntryFlow(id);
  // While it is being deleted (and after), the entry is not asked for again.
  const entry = useEntry(id, onDelete.mutation.isIdle || onDelete.mutation.isError);
  const missing = entry.error instanceof ApiError && entry.error.status === 404;
  const edit = entry.data ? (
    <Link className="button button-primary" to={journalPaths.edit(entry.data.id)}>
      {s.entry.edit}
    </Link>
  ) : null;
  return (
    <Page title={entry.data ? entryTitle(entry.data) : s.timeline.title} actions={edit}>
      <p className="journal-back">
        <Link to={journalPaths.timeline}>{s.entry.back}</Link>
      </p>
      {missing ? (
        <Empty
          action={
            <Link className="button button-secondary" to={journalPaths.timeline}>
              {s.entry.back}
            </Link>
          }
        >
          {s.entry.notFound}
        </Empty>
      ) : (
        <QueryStatus query={entry} />
      )}
      {entry.data?.conflictOf ? (
        <div className="notice notice-info journal-copy-notice">
          <p>{s.entry.copyNotice}</p>
          <p>
            <Link to={journalPaths.entry(entry.data.conflictOf)}>{s.entry.copyOriginal}</Link>
          </p>
        </div>
      ) : null}
      {entry.data ? <EntryView entry={entry.data} onDelete={onDelete} /> : null}
    </Page>
  );
}
