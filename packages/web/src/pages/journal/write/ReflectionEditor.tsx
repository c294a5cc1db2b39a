import { SelectField } from '../../../components/SelectField';
import { readerZone } from '../../../lib/frame-format';
import { useMyFrame } from '../../portal/portal-api';
import { writeStrings as s } from '../write-strings';
import { EditorFrame, useEntryEditor, type EditorProps } from './EditorFrame';
import { sessionChoices } from './session-choices';
import { WritingField } from './WritingField';

/** Which session this reflection is about: the client's recent sessions, or none. */
function SessionField({ value, onChange }: { value: string | null; onChange: (appointmentId: string | null) => void }) {
  const frame = useMyFrame();
  const choices = frame.data ? sessionChoices(frame.data, readerZone(frame.data.timeZone)) : [];
  const options = [
    { value: '', label: s.reflection.noSession },
    ...choices.map((c) => ({ value: c.id, label: c.label })),
  ];
  // A session chosen earlier that is no longer among the recent ones stays chosen.
  if (value && !choices.some((c) => c.id === value)) options.push({ value, label: s.reflection.chosenBefore });
  return (
    <div>
      <SelectField
        label={s.reflection.session}
        name="appointmentId"
        value={value ?? ''}
        onChange={(next) => onChange(next || null)}
        options={options}
        description={s.reflection.sessionHint}
      />
      {frame.isError ? <p className="field-hint">{s.reflection.sessionsUnavailable}</p> : null}
    </div>
  );
}

/** A reflection: free text, and the session it is about, if any. */
export function ReflectionEditor(props: EditorProps) {
  const editor = useEntryEditor(props);
  const { draft, update, autosave } = editor;
  return (
    <EditorFrame props={props} editor={editor} title={s.reflection.title}>
      <WritingField
        main
        label={s.reflection.body}
        hint={s.reflection.bodyHint}
        value={draft.body}
        onChange={(body) => update({ body })}
        onBlur={autosave.flush}
        rows={12}
      />
      <SessionField value={draft.appointmentId} onChange={(appointmentId) => update({ appointmentId })} />
    </EditorFrame>
  );
}
