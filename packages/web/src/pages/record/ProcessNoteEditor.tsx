import { useId, useState, type FormEvent } from 'react';
import { Button } from 'react-aria-components';
import { useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../api/errors';
import { ActionButton } from '../../components/ActionButton';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { FormStatus } from '../../components/FormStatus';
import { strings } from '../../strings';
import { newProcessNoteId, reloadProcessNotes, useDeleteProcessNote, useSaveProcessNote } from './process-api';
import { processStrings as t } from './process-strings';
import type { ProcessNote } from './process-types';
import '../../styles/record-private.css';

/** Refusals that mean the note changed elsewhere: the way out is to load the saved note again. */
const RELOAD_CODES = new Set(['stale', 'session_has_process_note', 'not_found']);

const time = new Intl.DateTimeFormat(strings.locale, { timeStyle: 'short' });

interface ProcessNoteEditorProps {
  clientId: string;
  /** The session the note is about; null for a note about the work in general. */
  appointmentId: string | null;
  /** The saved note, or null to start a new one. Read once: the editor keeps its own text afterwards. */
  note: ProcessNote | null;
  /** Said after "Your process note" to name which note this is. */
  labelMore?: string;
  autoFocus?: boolean;
  onSaved?: (note: ProcessNote) => void;
  onDeleted?: () => void;
  /** When given, a Close button. */
  onClose?: () => void;
}

type Said = { kind: 'saved'; at: string } | { kind: 'reloaded' } | { kind: 'deleted' } | null;

/**
 * One process note being written: saved over the version it started from (a new note is created
 * with an id made here, base version 0), so a change made in another tab is never overwritten.
 */
export function ProcessNoteEditor(props: ProcessNoteEditorProps) {
  const { clientId, appointmentId } = props;
  const queryClient = useQueryClient();
  const save = useSaveProcessNote(clientId);
  const remove = useDeleteProcessNote(clientId);
  const fieldId = useId();
  const [id, setId] = useState(() => props.note?.id ?? newProcessNoteId());
  const [version, setVersion] = useState(props.note?.version ?? 0);
  const [body, setBody] = useState(props.note?.body ?? '');
  const [savedBody, setSavedBody] = useState(props.note?.body ?? '');
  const [said, setSaid] = useState<Said>(null);
  const [reloading, setReloading] = useState(false);

  const refused = save.error instanceof ApiError && RELOAD_CODES.has(save.error.code);
  const dirty = body !== savedBody;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (version === 0 && !body.trim()) return;
    const sent = body;
    save.mutate(
      { id, save: { clientId, appointmentId, baseVersion: version, body: sent } },
      {
        onSuccess: (note) => {
          setVersion(note.version);
          setSavedBody(sent);
          setSaid({ kind: 'saved', at: time.format(new Date()) });
          props.onSaved?.(note);
        },
      },
    );
  };

  const reload = async () => {
    setReloading(true);
    try {
      const list = await reloadProcessNotes(queryClient, clientId);
      const fresh =
        list.find((n) => n.id === id) ??
        (appointmentId ? list.find((n) => n.appointmentId === appointmentId) : undefined);
      if (fresh) {
        setId(fresh.id);
        setVersion(fresh.version);
        setBody(fresh.body);
        setSavedBody(fresh.body);
      } else {
        // Deleted elsewhere: what is in the box can be saved as a new note.
        setId(newProcessNoteId());
        setVersion(0);
        setSavedBody('');
      }
      save.reset();
      setSaid({ kind: 'reloaded' });
    } catch {
      // The list's own error shows where it is loaded; the refusal stays on screen meanwhile.
    } finally {
      setReloading(false);
    }
  };

  const success =
    said?.kind === 'saved' && !dirty
      ? t.editor.saved(said.at)
      : said?.kind === 'reloaded'
        ? t.editor.reloaded
        : said?.kind === 'deleted'
          ? t.editor.deleted
          : null;

  return (
    <form className="process-editor" onSubmit={submit} noValidate>
      <div className="field">
        <label className="field-label" htmlFor={fieldId}>
          {t.editor.label}
          {props.labelMore ? <span className="visually-hidden"> {props.labelMore}</span> : null}
        </label>
        <p className="field-hint" id={`${fieldId}-hint`}>
          {t.editor.hint}
        </p>
        <textarea
          id={fieldId}
          className="field-input process-textarea"
          rows={8}
          value={body}
          dir="auto"
          spellCheck
          autoFocus={props.autoFocus}
          aria-describedby={`${fieldId}-hint`}
          onChange={(event) => {
            setBody(event.target.value);
            if (said?.kind !== 'saved') setSaid(null);
          }}
        />
        {dirty && version > 0 ? <p className="field-hint process-unsaved">{t.editor.unsaved}</p> : null}
      </div>
      <FormStatus pending={save.isPending} pendingText={t.editor.saving} error={save.error} success={success} />
      {refused ? (
        <div className="process-reload">
          <p className="field-hint">{t.editor.reloadHint}</p>
          <ActionButton className="button button-secondary" isPending={reloading} onPress={() => void reload()}>
            {t.editor.reload}
          </ActionButton>
        </div>
      ) : null}
      <div className="button-row">
        <ActionButton type="submit" className="button button-primary" isPending={save.isPending}>
          {t.editor.save}
        </ActionButton>
        {version > 0 ? (
          <ConfirmDialog
            trigger={<Button className="button button-secondary">{t.editor.delete}</Button>}
            title={t.editor.deleteTitle}
            body={<p>{t.editor.deleteBody}</p>}
            confirmLabel={t.editor.deleteConfirm}
            pending={remove.isPending}
            error={remove.error}
            onConfirm={(close) =>
              remove.mutate(id, {
                onSuccess: () => {
                  close();
                  setId(newProcessNoteId());
                  setVersion(0);
                  setBody('');
                  setSavedBody('');
                  save.reset();
                  setSaid({ kind: 'deleted' });
                  props.onDeleted?.();
                },
              })
            }
          />
        ) : null}
        {props.onClose ? (
          <Button className="button button-secondary" onPress={props.onClose}>
            {t.editor.done}
          </Button>
        ) : null}
      </div>
    </form>
  );
}
