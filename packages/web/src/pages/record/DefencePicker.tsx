import { CheckboxGroup, Label } from 'react-aria-components';
import { DMRS_HIERARCHY, overallDefensiveFunctioning, isDefenceId } from '@undercurrent/clinical';
import type { DefenceRating } from '../../api/record-types';
import { RecordCheckbox } from './RecordCheckbox';
import { recordStrings as t } from './record-strings';

/** The ODF of a set of rated defences (null when none). */
export function odfOf(ratings: readonly DefenceRating[]): number | null {
  return overallDefensiveFunctioning(ratings.map((r) => r.defence).filter(isDefenceId));
}

/**
 * The defences observed, as a picker over the DMRS hierarchy: one group per level from 7 (high
 * adaptive) down to 1 (action), each defence showing its level; the ODF of what is ticked below.
 */
export function DefencePicker({
  label,
  value,
  onChange,
}: {
  label: string;
  value: DefenceRating[];
  onChange: (value: DefenceRating[]) => void;
}) {
  const chosen = value.map((r) => r.defence);
  const odf = odfOf(value);
  return (
    <fieldset className="fieldset record-defences" aria-describedby="defences-hint">
      <legend>{label}</legend>
      <p id="defences-hint" className="field-hint">
        {t.note.defencesHint}
      </p>
      <div className="record-levels">
        {DMRS_HIERARCHY.map((level) => (
          <CheckboxGroup
            key={level.level}
            className="record-level"
            value={chosen.filter((id) => level.defences.some((d) => d.id === id))}
            onChange={(ids) => {
              const others = value.filter((r) => !level.defences.some((d) => d.id === r.defence));
              onChange([...others, ...ids.map((id) => ({ defence: id, level: level.level }))]);
            }}
          >
            <Label className="record-level-name">{t.note.level(level.level, level.name)}</Label>
            {level.defences.map((d) => (
              <RecordCheckbox key={d.id} value={d.id}>
                {d.label} <span className="record-level-tag">({t.note.levelOf(d.level)})</span>
              </RecordCheckbox>
            ))}
          </CheckboxGroup>
        ))}
      </div>
      <p className="record-odf-line" aria-live="polite">
        {odf === null ? t.note.odfNone : t.odfLong(odf)}
      </p>
    </fieldset>
  );
}
