/**
 * Saves an entry as the person writes (see save-scheduler.ts for the rules), and wires the browser
 * in: back online → retry at once; page hidden (phone locked, app switched) → save now; closing the
 * tab with unsaved words → the browser's own warning. The words stay in memory only.
 */
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { MAX_ENTRY_CHARACTERS, type EntryContent, type EntryKind } from '../../../api/journal-types';
import { writeStrings as s } from '../write-strings';
import { entryLength } from './entry-length';
import { SaveController, type SaveState } from './save-scheduler';
import { refreshJournalViews, sendSave } from './write-api';

export interface AutosaveOptions {
  kind: EntryKind;
  id: string;
  /** The version loaded from the server; 0 for a new entry. */
  version: number;
  /** The content as it is now (read at save time, so it must not lag behind the last keystroke). */
  getContent: () => EntryContent;
  /** This device's words were kept as a conflict copy: the editor now edits `id`. */
  onMoved?: (id: string) => void;
}

export interface Autosave {
  state: SaveState;
  /** Call on every change the person makes. */
  changed: () => void;
  /** Call when the person leaves a field. */
  flush: () => void;
  retryNow: () => void;
  /** Saves everything; true once it is on the server, false if it cannot be now. */
  finish: () => Promise<boolean>;
  /** The state this very moment (after an await, `state` is the one of the last render). */
  current: () => SaveState;
  /** Set once another device's change made this device's words a separate entry. */
  conflict: { otherId: string } | null;
}

export function useAutosave(options: AutosaveOptions): Autosave {
  const latest = useRef(options);
  latest.current = options;
  const queryClient = useQueryClient();
  const [conflict, setConflict] = useState<{ otherId: string } | null>(null);

  const [controller] = useState(
    () =>
      new SaveController<EntryContent>({
        target: { id: options.id, version: options.version },
        build: () => {
          const content = latest.current.getContent();
          return entryLength(content) > MAX_ENTRY_CHARACTERS
            ? { problem: s.length.problem(MAX_ENTRY_CHARACTERS) }
            : { content };
        },
        send: (request) => sendSave(latest.current.kind, request),
        onConflict: (reply) => {
          setConflict({ otherId: reply.conflictWith });
          latest.current.onMoved?.(reply.id);
        },
      }),
  );
  const state = useSyncExternalStore(controller.subscribe, controller.getState);

  useEffect(() => {
    controller.resume();
    const online = () => controller.retryNow();
    const hidden = () => {
      if (document.visibilityState === 'hidden') controller.flush();
    };
    const flush = () => controller.flush();
    window.addEventListener('online', online);
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', hidden);
    return () => {
      window.removeEventListener('online', online);
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', hidden);
      controller.stop();
      refreshJournalViews(queryClient);
    };
  }, [controller, queryClient]);

  useEffect(() => {
    if (!state.unsaved) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers show the warning only when returnValue is set.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [state.unsaved]);

  const changed = useCallback(() => controller.change(), [controller]);
  const flush = useCallback(() => controller.flush(), [controller]);
  const retryNow = useCallback(() => controller.retryNow(), [controller]);
  const finish = useCallback(() => controller.finish(), [controller]);
  return useMemo(
    () => ({ state, changed, flush, retryNow, finish, current: controller.getState, conflict }),
    [state, changed, flush, retryNow, finish, controller, conflict],
  );
}
