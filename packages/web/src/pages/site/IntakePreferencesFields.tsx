import { CheckboxList, TextField } from './intake-fields';
import type { IntakeFormState } from './intake-form-state';
import { intakeStrings } from './intake-strings';
import type { GenderWanted, PartOfDay } from './intake-types';
import type { Format } from './site-types';

const s = intakeStrings.form;
const FORMATS: Format[] = ['in_person', 'online'];
const PARTS: PartOfDay[] = ['morning', 'afternoon', 'evening'];
const GENDERS: (GenderWanted | 'none')[] = ['none', 'woman', 'man'];

/** The intake's preferences: format, days and times of day, language, therapist gender, fee. All optional. */
export function IntakePreferencesFields({
  form,
  errors,
  set,
}: {
  form: IntakeFormState;
  errors: Record<string, string>;
  set: <K extends keyof IntakeFormState>(key: K, value: IntakeFormState[K]) => void;
}) {
  return (
    <fieldset className="intake-group">
      <legend>{s.preferencesHeading}</legend>
      <p className="field-hint">{s.preferencesLead}</p>
      <CheckboxList
        legend={s.formats}
        name="formats"
        options={FORMATS.map((f) => ({ value: f, label: intakeStrings.formats[f] }))}
        selected={form.formats}
        onChange={(v) => set('formats', v)}
      />
      <CheckboxList
        legend={s.days}
        name="days"
        options={intakeStrings.days.map((label, i) => ({ value: String(i + 1), label }))}
        selected={form.days}
        onChange={(v) => set('days', v)}
      />
      <CheckboxList
        legend={s.parts}
        name="parts"
        options={PARTS.map((p) => ({ value: p, label: intakeStrings.parts[p] }))}
        selected={form.parts}
        onChange={(v) => set('parts', v)}
      />
      <TextField
        id="intake-language"
        label={s.language}
        hint={s.languageHint}
        value={form.language}
        maxLength={40}
        error={errors.language}
        onChange={(v) => set('language', v)}
      />
      <fieldset className="intake-choices">
        <legend>{s.gender}</legend>
        <div className="intake-options">
          {GENDERS.map((gender) => (
            <label key={gender} className="reflection-option">
              <input
                type="radio"
                name="gender"
                value={gender}
                checked={form.gender === gender}
                onChange={() => set('gender', gender)}
              />
              <span>{s.genderOptions[gender]}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <TextField
        id="intake-fee"
        label={s.fee}
        hint={s.feeHint}
        value={form.fee}
        maxLength={8}
        inputMode="decimal"
        error={errors.fee}
        onChange={(v) => set('fee', v)}
      />
    </fieldset>
  );
}
