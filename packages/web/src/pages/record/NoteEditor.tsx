import { useEffect, useRef, useState } from 'react';
import { Button, CheckboxGroup, FieldError, Form, Label, Text, TextArea, TextField } from 'react-aria-components';
import { useNavigate } from 'react-router';
import { ApiError } from '../../api/errors';
import type { SharedItem } from '../../api/journal-types';
import { INTERVENTIONS, type Intervention, type Note, type NoteContent, type NoteField } from '../../api/record-types';
import { ActionButton } from '../../components/ActionButton';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { FormStatus } from '../../components/FormStatus';
import { formatDateTime } from '../../lib/format';
import { DefencePicker } from './DefencePicker';
import { RecordCheckbox } from './RecordCheckbox';
import { useDiscardNote, useSaveNote, useSharedForNote, useSignNote } from './record-api';
import { sharedEntryName } from './record-format';
import { recordStrings as t } from './record-strings';

/** A pause in typing after which a changed draft saves itself. */
const AUTOSAVE_MS = 4000;

const contentOf = (note: Note): NoteContent => ({
  narrative: note.narrative,
  fields: note.fields,
  materialEntryIds: note.materialEntryIds,
  dreamEntryIds: note.dreamEntryIds,
  defences: note.defences,
  interventions: note.interventions,
});

function TextBox(props: {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  hint?: string;
  large?: boolean;
}) {
  return (
    <TextField className="field" name={props.name} value={props.value} onChange={props.onChange}>
      <Label className="field-label">{props.label}</Label>
      {props.hint ? (
        <Text slot="description" className="field-hint">
          {props.hint}
        </Text>
      ) : null}
      <TextArea
        className={props.large ? 'field-input record-textarea record-narrative' : 'field-input record-textarea'}
        rows={props.large ? 12 : 3}
      />
      <FieldError className="field-error" />
    </TextField>
  );
}

function EntryChecklist(props: {
  label: string;
  hint: string;
  empty: string;
  items: SharedItem[];
  /** Ids linked before that are no longer shared: kept, and said so. */
  gone: string[];
  value: string[];
  onChange: (ids: string[]) => void;
}) {
  const goneChosen = props.value.filter((id) => props.gone.includes(id));
  return (
    <CheckboxGroup
      className="record-checklist"
      value={props.value.filter((id) => !props.gone.includes(id))}
      onChange={(ids) => props.onChange([...goneChosen, ...ids])}
    >
      <Label className="field-label">{props.label}</Label>
      <Text slot="description" className="field-hint">
        {props.hint}
      </Text>
      {props.items.length === 0 ? <p className="muted">{props.empty}</p> : null}
      {props.items.map((item) => (
        <RecordCheckbox key={item.entryId} value={item.entryId ?? ''}>
          <span className="record-entry-name">{sharedEntryName(item)}</span>
          <span className="record-entry-excerpt">{item.excerpt?.trim() || t.note.noExcerpt}</span>
        </RecordCheckbox>
      ))}
      {goneChosen.map((id) => (
        <p key={id} className="muted">
          {t.note.unavailable}
        </p>
      ))}
    </CheckboxGroup>
  );
}

/** The draft of a progress note, written by its author: narrative first, then the template's fields. */
export function NoteEditor({ note, fields, onReload }: { note: Note; fields: NoteField[]; onReload: () => void }) {
  const [content, setContent] = useState<NoteContent>(() => contentOf(note));
  const [baseVersion, setBaseVersion] = useState(note.version);
  const [savedJson, setSavedJson] = useState(() => JSON.stringify(contentOf(note)));
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const save = useSaveNote(note.id);
  const sign = useSignNote(note.id);
  const discard = useDiscardNote(note.id, note.clientId);
  const shared = useSharedForNote(note.clientId);
  const navigate = useNavigate();
  const dirty = JSON.stringify(content) !== savedJson;
  const stale = save.error instanceof ApiError && save.error.code === 'stale';
  const signedMeanwhile = save.error instanceof ApiError && save.error.code === 'signed';

  const saveNow = async (): Promise<Note> => {
    const sent = content;
    const saved = await save.mutateAsync({ ...sent, baseVersion });
    setBaseVersion(saved.version);
    setSavedJson(JSON.stringify(sent));
    setSavedAt(saved.updatedAt);
    return saved;
  };

  // A gentle autosave after a pause, unless a save is out or the note changed elsewhere.
  const latest = useRef(saveNow);
  latest.current = saveNow;
  const blocked = save.isPending || sign.isPending || stale || signedMeanwhile;
  useEffect(() => {
    if (!dirty || blocked) return;
    const timer = window.setTimeout(() => void latest.current().catch(() => undefined), AUTOSAVE_MS);
    return () => window.clearTimeout(timer);
  }, [content, dirty, blocked]);

  const set = <K extends keyof NoteContent>(key: K, value: NoteContent[K]) =>
    setContent((c) => ({ ...c, [key]: value }));
  const setField = (key: string, value: string) => setContent((c) => ({ ...c, fields: { ...c.fields, [key]: value } }));

  const live = (shared.data?.items ?? []).filter(
    (item): item is SharedItem & { entryId: string } => item.entryId !== null && item.withdrawnAt === null,
  );
  const dreams = live.filter((item) => item.kind === 'dream');
  const gone = note.linkedEntries.filter((e) => !e.available).map((e) => e.entryId);

  const section = (field: NoteField) => {
    switch (field.key) {
      case 'material':
        return (
          <EntryChecklist
            label={field.label}
            hint={t.note.materialHint}
            empty={t.note.materialEmpty}
            items={live}
            gone={gone}
            value={content.materialEntryIds}
            onChange={(ids) => set('materialEntryIds', ids)}
          />
        );
      case 'dreams':
        return (
          <EntryChecklist
            label={field.label}
            hint={t.note.dreamsHint}
            empty={t.note.dreamsEmpty}
            items={dreams}
            gone={gone}
            value={content.dreamEntryIds}
            onChange={(ids) => set('dreamEntryIds', ids)}
          />
        );
      case 'defences':
        return <DefencePicker label={field.label} value={content.defences} onChange={(d) => set('defences', d)} />;
      case 'interventions':
        return (
          <CheckboxGroup
            className="record-checklist"
            value={content.interventions}
            onChange={(ids) => set('interventions', ids as Intervention[])}
          >
            <Label className="field-label">{field.label}</Label>
            {INTERVENTIONS.map((i) => (
              <RecordCheckbox key={i} value={i}>
                {t.interventions[i]}
              </RecordCheckbox>
            ))}
          </CheckboxGroup>
        );
      default:
        return (
          <TextBox
            label={field.label}
            name={field.key}
            hint={field.hint}
            value={content.fields[field.key] ?? ''}
            onChange={(v) => setField(field.key, v)}
          />
        );
    }
  };

  const status = dirty ? t.note.unsaved : savedAt ? t.note.autosaved(formatDateTime(savedAt)) : '';
  return (
    <div className="record-editor stack">
      <Form
        className="stack"
        onSubmit={(event) => {
          event.preventDefault();
          void saveNow().catch(() => undefined);
        }}
      >
        <TextBox
          label={t.note.narrative}
          name="narrative"
          hint={t.note.narrativeHint}
          value={content.narrative}
          onChange={(v) => set('narrative', v)}
          large
        />
        {fields
          .filter((f) => f.enabled)
          .map((field) => (
            <div key={field.key} className="record-field">
              {section(field)}
            </div>
          ))}
        {stale ? (
          <div className="notice notice-error" role="alert">
            <p>
              <strong>{t.note.staleTitle}.</strong> {t.note.stale}
            </p>
            <Button className="button button-secondary" onPress={onReload}>
              {t.note.reload}
            </Button>
          </div>
        ) : (
          <FormStatus pending={save.isPending} error={save.error} />
        )}
        {signedMeanwhile ? (
          <Button className="button button-secondary" onPress={onReload}>
            {t.note.reload}
          </Button>
        ) : null}
        <div className="record-save-row">
          <ActionButton type="submit" className="button button-secondary" isPending={save.isPending}>
            {t.note.save}
          </ActionButton>
          <p className="record-save-state muted" aria-live="polite">
            {save.isPending ? '' : status}
          </p>
        </div>
      </Form>
      {/* Outside the form: a dialog's submit would otherwise reach it through the portal. */}
      <div className="button-row">
        <ConfirmDialog
          trigger={<Button className="button button-primary">{t.note.sign}</Button>}
          title={t.note.signTitle}
          body={<p>{t.note.signBody}</p>}
          confirmLabel={t.note.signConfirm}
          tone="primary"
          pending={save.isPending || sign.isPending}
          error={sign.error ?? (stale ? null : save.error)}
          onConfirm={(close) => {
            void (async () => {
              const version = dirty ? (await saveNow()).version : baseVersion;
              await sign.mutateAsync(version);
              close();
            })().catch(() => undefined);
          }}
        />
        <ConfirmDialog
          trigger={<Button className="button button-quiet">{t.note.discard}</Button>}
          title={t.note.discardTitle}
          body={<p>{t.note.discardBody}</p>}
          confirmLabel={t.note.discardConfirm}
          pending={discard.isPending}
          error={discard.error}
          onConfirm={(close) =>
            discard.mutate(undefined, {
              onSuccess: () => {
                close();
                void navigate(`/clients/${encodeURIComponent(note.clientId)}/notes`);
              },
            })
          }
        />
      </div>
    </div>
  );
}
