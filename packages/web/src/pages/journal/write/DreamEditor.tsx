import { useId, useState } from 'react';
import type { DreamDetails, DreamPeriod, EntryContent } from '../../../api/journal-types';
import { readerZone, todayIn } from '../../../lib/frame-format';
import { writeStrings as s } from '../write-strings';
import type { Draft } from './draft';
import { EditorFrame, useEntryEditor, type EditorProps } from './EditorFrame';
import { FeelingsField, MAX_FEELINGS } from './FeelingsField';
import { RecurringDreamsField } from './RecurringDreamsField';
import { WritingField } from './WritingField';

const NO_DETAILS: DreamDetails = { setting: '', people: '', feelings: [], dayBefore: '', associations: '' };

/** What goes to the server: a feeling with no name yet (just added) waits until it has one. */
function dreamContent(draft: Draft): EntryContent {
  const details = draft.details ?? NO_DETAILS;
  return {
    ...draft,
    details: { ...details, feelings: details.feelings.filter((f) => f.name.trim() !== '').slice(0, MAX_FEELINGS) },
  };
}

function WhenFields({
  dreamtOn,
  period,
  onChange,
  onBlur,
}: {
  dreamtOn: string | null;
  period: DreamPeriod | null;
  onChange: (patch: { dreamtOn?: string | null; dreamPeriod?: DreamPeriod }) => void;
  onBlur: () => void;
}) {
  const id = useId();
  const [today] = useState(() => todayIn(readerZone()));
  return (
    <fieldset className="fieldset jw-when">
      <legend className="field-label">{s.dream.when}</legend>
      <div className="jw-when-row">
        <div className="field">
          <label className="field-label" htmlFor={`${id}-date`}>
            {s.dream.dreamtOn}
          </label>
          <input
            id={`${id}-date`}
            type="date"
            className="field-input jw-date"
            value={dreamtOn ?? ''}
            max={today}
            onChange={(event) => onChange({ dreamtOn: event.target.value || null })}
            onBlur={onBlur}
          />
        </div>
        <div role="radiogroup" aria-labelledby={`${id}-period`} className="jw-period">
          <span className="field-label" id={`${id}-period`}>
            {s.dream.period}
          </span>
          <div className="jw-period-options">
            {(['night', 'nap'] as const).map((value) => (
              <label key={value} className="jw-check">
                <input
                  type="radio"
                  name={`${id}-period`}
                  value={value}
                  checked={period === value}
                  onChange={() => onChange({ dreamPeriod: value })}
                />
                <span>{s.dream[value]}</span>
              </label>
            ))}
          </div>
        </div>
      </div>
    </fieldset>
  );
}

/** A dream and all that goes with it, saved together as one entry. */
export function DreamEditor(props: EditorProps) {
  const editor = useEntryEditor(props, dreamContent);
  const { draft, update, autosave } = editor;
  const details = draft.details ?? NO_DETAILS;
  const setDetails = (patch: Partial<DreamDetails>) =>
    update((latest) => ({ details: { ...(latest.details ?? NO_DETAILS), ...patch } }));
  const flush = autosave.flush;

  return (
    <EditorFrame props={props} editor={editor} title={s.dream.title}>
      <WritingField
        main
        label={s.dream.body}
        hint={s.dream.bodyHint}
        value={draft.body}
        onChange={(body) => update({ body })}
        onBlur={flush}
        rows={10}
      />
      <WhenFields dreamtOn={draft.dreamtOn} period={draft.dreamPeriod} onChange={update} onBlur={flush} />
      <WritingField
        label={s.dream.setting}
        hint={s.dream.settingHint}
        optional
        value={details.setting}
        onChange={(setting) => setDetails({ setting })}
        onBlur={flush}
        rows={3}
      />
      <WritingField
        label={s.dream.people}
        optional
        value={details.people}
        onChange={(people) => setDetails({ people })}
        onBlur={flush}
        rows={3}
      />
      <FeelingsField value={details.feelings} onChange={(feelings) => setDetails({ feelings })} onBlur={flush} />
      <WritingField
        label={s.dream.dayBefore}
        optional
        value={details.dayBefore}
        onChange={(dayBefore) => setDetails({ dayBefore })}
        onBlur={flush}
        rows={3}
      />
      <WritingField
        label={s.dream.associations}
        hint={s.dream.associationsHint}
        optional
        value={details.associations}
        onChange={(associations) => setDetails({ associations })}
        onBlur={flush}
        rows={4}
      />
      <fieldset className="fieldset jw-flags">
        <legend className="field-label">{s.dream.flags}</legend>
        <label className="jw-check">
          <input type="checkbox" checked={draft.nightmare} onChange={(e) => update({ nightmare: e.target.checked })} />
          <span>{s.dream.nightmare}</span>
        </label>
        <label className="jw-check">
          <input type="checkbox" checked={draft.lucid} onChange={(e) => update({ lucid: e.target.checked })} />
          <span>{s.dream.lucid}</span>
        </label>
      </fieldset>
      <RecurringDreamsField
        ownIds={[props.id, autosave.state.target.id]}
        value={draft.recursIds}
        onChange={(recursIds) => update({ recursIds })}
      />
    </EditorFrame>
  );
}
