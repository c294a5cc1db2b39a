import { useId, useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import type { Feeling } from '../../../api/journal-types';
import { DREAM_FEELINGS, writeStrings as s } from '../write-strings';
import { ScaleField } from './ScaleField';

const INTENSITIES = [1, 2, 3, 4, 5] as const;
const DEFAULT_INTENSITY = 3;
/** The server keeps at most this many feelings on one dream. */
export const MAX_FEELINGS = 30;
const FEELING_NAME_MAX = 60;

type Known = (typeof DREAM_FEELINGS)[number];
const isKnown = (name: string): name is Known => (DREAM_FEELINGS as readonly string[]).includes(name);

interface FeelingsFieldProps {
  value: Feeling[];
  onChange: (feelings: Feeling[]) => void;
  onBlur: () => void;
}

function Intensity({ feeling, label, onChange }: { feeling: Feeling; label: string; onChange: (n: number) => void }) {
  return (
    <ScaleField
      compact
      legend={s.dream.intensity(label)}
      hint={s.dream.intensityHint}
      values={INTENSITIES}
      value={feeling.intensity}
      onChange={onChange}
      lowLabel={s.dream.intensityFaint}
      highLabel={s.dream.intensityStrong}
    />
  );
}

/** Feelings on waking: several from a list, or in the person's own words, each with how strong it was. */
export function FeelingsField({ value, onChange, onBlur }: FeelingsFieldProps) {
  const byName = new Map(value.map((f) => [f.name, f]));
  const setIntensity = (index: number, intensity: number) =>
    onChange(value.map((f, i) => (i === index ? { ...f, intensity } : f)));
  const full = value.length >= MAX_FEELINGS;
  const id = useId();
  const [added, setAdded] = useState<number | null>(null);
  const addButton = useRef<HTMLButtonElement>(null);

  return (
    <fieldset className="fieldset jw-feelings" aria-describedby={`${id}-hint`}>
      <legend className="field-label">{s.dream.feelings}</legend>
      <p className="field-hint" id={`${id}-hint`}>
        {s.dream.feelingsHint}
      </p>
      <ul className="jw-feeling-list">
        {DREAM_FEELINGS.map((name) => {
          const chosen = byName.get(name);
          const index = chosen ? value.indexOf(chosen) : -1;
          return (
            <li key={name} className="jw-feeling" data-chosen={chosen ? true : undefined}>
              <label className="jw-check">
                <input
                  type="checkbox"
                  checked={!!chosen}
                  disabled={!chosen && full}
                  onChange={(event) =>
                    onChange(
                      event.target.checked
                        ? [...value, { name, intensity: DEFAULT_INTENSITY }]
                        : value.filter((f) => f.name !== name),
                    )
                  }
                />
                <span>{s.dream.feeling[name]}</span>
              </label>
              {chosen ? (
                <Intensity feeling={chosen} label={s.dream.feeling[name]} onChange={(n) => setIntensity(index, n)} />
              ) : null}
            </li>
          );
        })}
        {value.map((feeling, index) =>
          isKnown(feeling.name) ? null : (
            <li key={`own-${index}`} className="jw-feeling jw-feeling-own" data-chosen>
              <div className="field">
                <label className="field-label" htmlFor={`${id}-own-${index}`}>
                  {s.dream.otherFeeling}
                </label>
                <input
                  id={`${id}-own-${index}`}
                  className="field-input"
                  autoFocus={index === added}
                  dir="auto"
                  value={feeling.name}
                  maxLength={FEELING_NAME_MAX}
                  onChange={(event) =>
                    onChange(value.map((f, i) => (i === index ? { ...f, name: event.target.value } : f)))
                  }
                  onBlur={onBlur}
                />
              </div>
              <Intensity
                feeling={feeling}
                label={feeling.name || s.dream.otherUnnamed}
                onChange={(n) => setIntensity(index, n)}
              />
              <Button
                className="button button-quiet"
                onPress={() => {
                  onChange(value.filter((_, i) => i !== index));
                  setAdded(null);
                  addButton.current?.focus();
                }}
              >
                {s.dream.removeOther(feeling.name)}
              </Button>
            </li>
          ),
        )}
      </ul>
      {!full ? (
        <Button
          ref={addButton}
          className="button button-secondary"
          onPress={() => {
            setAdded(value.length);
            onChange([...value, { name: '', intensity: DEFAULT_INTENSITY }]);
          }}
        >
          {s.dream.addOther}
        </Button>
      ) : null}
    </fieldset>
  );
}
