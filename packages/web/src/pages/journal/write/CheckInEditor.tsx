import { Button } from 'react-aria-components';
import { writeStrings as s } from '../write-strings';
import { EditorFrame, useEntryEditor, type EditorProps } from './EditorFrame';
import { ScaleField } from './ScaleField';
import { WritingField } from './WritingField';

const MOODS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;

/** A check-in: a number for how things are, and a few words. */
export function CheckInEditor(props: EditorProps) {
  const editor = useEntryEditor(props);
  const { draft, update, autosave } = editor;
  return (
    <EditorFrame props={props} editor={editor} title={s.checkIn.title}>
      <div>
        <ScaleField
          legend={s.checkIn.mood}
          hint={s.checkIn.moodHint}
          values={MOODS}
          value={draft.mood}
          onChange={(mood) => update({ mood })}
          lowLabel={s.checkIn.moodLow}
          highLabel={s.checkIn.moodHigh}
        />
        {draft.mood !== null ? (
          <Button className="button button-quiet jw-scale-clear" onPress={() => update({ mood: null })}>
            {s.checkIn.clearMood}
          </Button>
        ) : null}
      </div>
      <WritingField
        label={s.checkIn.words}
        hint={s.checkIn.wordsHint}
        value={draft.body}
        onChange={(body) => update({ body })}
        onBlur={autosave.flush}
        rows={4}
        optional
      />
    </EditorFrame>
  );
}
