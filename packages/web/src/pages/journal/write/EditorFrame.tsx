/**
 * What every editor shares: the draft (in React state and, for the saver, in a ref that never lags
 * behind a keystroke), autosaving, "Done", and the frame around the dream, reflection and check-in
 * forms (the saved indicator and Done stay in view at the foot of a phone's screen).
 */
import { useCallback, useRef, useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import type { EntryContent, EntryKind } from '../../../api/journal-types';
import { ActionButton } from '../../../components/ActionButton';
import { Page } from '../../../components/Page';
import { writeStrings as s } from '../write-strings';
import { ConflictNotice } from './ConflictNotice';
import type { Draft } from './draft';
import { entryLength } from './entry-length';
import { LeaveGuard } from './LeaveGuard';
import { LengthNotice } from './LengthNotice';
import type { SaveState } from './save-scheduler';
import { SaveIndicator } from './SaveIndicator';
import { useAutosave, type Autosave } from './use-autosave';

export interface EditorProps {
  id: string;
  kind: EntryKind;
  /** The version loaded (0 for a new entry). */
  version: number;
  initial: Draft;
  onMoved: (id: string) => void;
  isNavigationAllowed: () => boolean;
}

/** A change: the fields to set, or a function of the latest draft giving them. */
export type DraftPatch = Partial<Draft> | ((latest: Draft) => Partial<Draft>);

export interface EntryEditor {
  draft: Draft;
  update: (patch: DraftPatch) => void;
  autosave: Autosave;
  length: number;
}

/** The draft and its saving. `toContent` adjusts what is sent (for example the time spent so far). */
export function useEntryEditor(props: EditorProps, toContent?: (draft: Draft) => EntryContent): EntryEditor {
  const [draft, setDraft] = useState(props.initial);
  const latest = useRef(props.initial);
  const convert = useRef(toContent);
  convert.current = toContent;
  const autosave = useAutosave({
    kind: props.kind,
    id: props.id,
    version: props.version,
    getContent: () => (convert.current ? convert.current(latest.current) : latest.current),
    onMoved: props.onMoved,
  });
  const { changed } = autosave;
  const update = useCallback(
    (patch: DraftPatch) => {
      const fields = typeof patch === 'function' ? patch(latest.current) : patch;
      latest.current = { ...latest.current, ...fields };
      setDraft(latest.current);
      changed();
    },
    [changed],
  );
  return { draft, update, autosave, length: entryLength(draft) };
}

/**
 * Saves everything, then goes to the entry (or back to the journal when nothing was ever written).
 * When the words cannot be saved now, it stays, and says why.
 */
export function useFinish(autosave: Autosave) {
  const navigate = useNavigate();
  const [finishing, setFinishing] = useState(false);
  const [stuck, setStuck] = useState(false);
  const finish = async () => {
    if (finishing) return;
    setFinishing(true);
    setStuck(false);
    const saved = await autosave.finish();
    setFinishing(false);
    const now = autosave.current();
    if (!saved) {
      setStuck(true);
      return;
    }
    void navigate(now.exists ? `/journal/${encodeURIComponent(now.target.id)}` : '/journal');
  };
  return { finish, finishing, stuck: stuck && autosave.state.unsaved };
}

/** Why Done (or Finish) did not leave: the connection, or a refusal shown above. */
export function StuckMessage({ show, state }: { show: boolean; state: SaveState }) {
  return show ? (
    <p className="notice notice-warning jw-stuck" role="alert">
      {state.phase === 'refused' ? s.save.stayUntilAccepted : s.save.stayUntilSaved}
    </p>
  ) : null;
}

interface EditorFrameProps {
  props: EditorProps;
  editor: EntryEditor;
  title: string;
  children: ReactNode;
}

/** The page around a dream, reflection or check-in form. */
export function EditorFrame({ props, editor, title, children }: EditorFrameProps) {
  const { autosave } = editor;
  const done = useFinish(autosave);
  return (
    <Page title={title} lead={s.privateNote} narrow>
      {autosave.conflict ? <ConflictNotice otherId={autosave.conflict.otherId} /> : null}
      <form
        className="form jw-form"
        aria-label={title}
        onSubmit={(event) => {
          // Enter in a one-line field must not "submit": everything saves by itself.
          event.preventDefault();
        }}
      >
        {children}
      </form>
      <LengthNotice length={editor.length} />
      <div className="jw-bar">
        {/* In the bar, beside Done, so it is seen wherever on a long form Done was pressed. */}
        <StuckMessage show={done.stuck} state={autosave.state} />
        <SaveIndicator state={autosave.state} onRetry={autosave.retryNow} />
        <ActionButton className="button button-primary" isPending={done.finishing} onPress={() => void done.finish()}>
          {s.done}
        </ActionButton>
      </div>
      <LeaveGuard
        unsaved={autosave.state.unsaved}
        isUnsaved={() => autosave.current().unsaved}
        isAllowed={props.isNavigationAllowed}
      />
    </Page>
  );
}
