/**
 * The two routes into the editors. `/journal/new/:kind` makes the entry's id on this device and puts
 * it in the address (`?id=`), so a reload finds what was saved rather than starting again;
 * `/journal/:id/edit` loads the entry. When a conflict moves the editing to a copy, the address
 * follows without the editor being rebuilt (its unsaved words live only in memory).
 */
import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../../../api/errors';
import type { Entry, EntryKind } from '../../../api/journal-types';
import { Page } from '../../../components/Page';
import { LoadError, Loading } from '../../../components/States';
import { readerZone, todayIn } from '../../../lib/frame-format';
import { writeStrings as s } from '../write-strings';
import { CheckInEditor } from './CheckInEditor';
import { DreamEditor } from './DreamEditor';
import { draftOf, emptyDraft, isEntryKind } from './draft';
import type { EditorProps } from './EditorFrame';
import { FreeAssociationWriter } from './FreeAssociationWriter';
import { ReflectionEditor } from './ReflectionEditor';
import { newEntryId, useEntryToEdit } from './write-api';
import '../../../styles/journal-write.css';

/** Ids made here in this visit: known not to exist yet, so there is nothing to load. */
const madeHere = new Set<string>();

/** Lets the editor change its own address without the unsaved-words question. */
function useOwnNavigation() {
  const [own] = useState(() => {
    let allowing = false;
    return {
      run: (navigation: () => void) => {
        allowing = true;
        try {
          navigation();
        } finally {
          allowing = false;
        }
      },
      isAllowed: () => allowing,
    };
  });
  return own;
}

/**
 * The id whose entry the editor was opened with: it stays put when the address moves to an id the
 * editor adopted itself (a conflict copy), and follows any other change of address.
 */
function useOpenedId(addressId: string | null): [string | null, (id: string) => void] {
  const adopted = useRef(new Set<string>());
  const [opened, setOpened] = useState(addressId);
  if (addressId !== opened && !(addressId !== null && adopted.current.has(addressId))) setOpened(addressId);
  return [opened, (id: string) => adopted.current.add(id)];
}

function Editor(props: EditorProps) {
  switch (props.kind) {
    case 'free_association':
      return <FreeAssociationWriter {...props} />;
    case 'dream':
      return <DreamEditor {...props} />;
    case 'reflection':
      return <ReflectionEditor {...props} />;
    case 'check_in':
      return <CheckInEditor {...props} />;
  }
}

interface LoaderProps {
  id: string;
  /** For a new entry: its kind (the id may still turn out to be saved already, after a reload). */
  newKind: EntryKind | null;
  onMoved: (id: string) => void;
  isNavigationAllowed: () => boolean;
}

function EditorLoader({ id, newKind, onMoved, isNavigationAllowed }: LoaderProps) {
  const fresh = newKind !== null && madeHere.has(id);
  const query = useEntryToEdit(id, !fresh);
  const [today] = useState(() => todayIn(readerZone()));
  const missing = query.error instanceof ApiError && query.error.status === 404;

  let entry: Entry | null = null;
  let kind: EntryKind;
  if (fresh || (newKind !== null && missing)) {
    kind = newKind!;
  } else if (query.data) {
    entry = query.data;
    kind = query.data.kind;
  } else if (missing) {
    return (
      <Page title={s.backToJournal} narrow>
        <p className="notice notice-info">{s.notFound}</p>
        <p>
          <Link to="/journal">{s.backToJournal}</Link>
        </p>
      </Page>
    );
  } else if (query.isError) {
    return <LoadError error={query.error} onRetry={() => void query.refetch()} />;
  } else {
    return <Loading />;
  }

  return (
    <Editor
      id={id}
      kind={kind}
      version={entry?.version ?? 0}
      initial={entry ? draftOf(entry) : emptyDraft(kind, today)}
      onMoved={onMoved}
      isNavigationAllowed={isNavigationAllowed}
    />
  );
}

/** `/journal/new/:kind` — a new free association, dream, reflection or check-in. */
export function NewEntryPage() {
  const { kind } = useParams();
  const [params, setParams] = useSearchParams();
  const own = useOwnNavigation();
  const valid = isEntryKind(kind);
  const addressId = params.get('id');
  const [openedId, adopt] = useOpenedId(addressId);

  useEffect(() => {
    if (!valid || addressId) return;
    const id = newEntryId();
    madeHere.add(id);
    own.run(() => setParams({ id }, { replace: true }));
  }, [valid, addressId, setParams, own]);

  if (!valid) {
    return (
      <Page title={s.backToJournal} narrow>
        <p className="notice notice-info">{s.unknownKind}</p>
        <p>
          <Link to="/journal">{s.backToJournal}</Link>
        </p>
      </Page>
    );
  }
  if (!openedId) return <Loading />;
  return (
    <EditorLoader
      key={openedId}
      id={openedId}
      newKind={kind}
      isNavigationAllowed={own.isAllowed}
      onMoved={(id) => {
        adopt(id);
        own.run(() => setParams({ id }, { replace: true }));
      }}
    />
  );
}

/** `/journal/:id/edit` — an entry already in the journal. */
export function EditEntryPage() {
  const { id } = useParams();
  const navigate = useNavigate();
  const own = useOwnNavigation();
  const [openedId, adopt] = useOpenedId(id ?? null);
  if (!openedId) return <Loading />;
  return (
    <EditorLoader
      key={openedId}
      id={openedId}
      newKind={null}
      isNavigationAllowed={own.isAllowed}
      onMoved={(moved) => {
        adopt(moved);
        own.run(() => void navigate(`/journal/${encodeURIComponent(moved)}/edit`, { replace: true }));
      }}
    />
  );
}
