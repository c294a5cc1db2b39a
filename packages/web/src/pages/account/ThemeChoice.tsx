import { useId, useState } from 'react';
import { chooseTheme, storedTheme, type ThemeChoice as Choice } from '../../lib/theme';
import { themeStrings as t } from './theme-strings';
import '../../styles/theme-choice.css';

/**
 * System, light or dark, as native radio buttons (the arrow keys move between them). A choice
 * applies at once and is kept in this browser (lib/theme.ts).
 */
export function ThemeChoice() {
  const id = useId();
  const [choice, setChoice] = useState<Choice>(storedTheme);
  const choose = (value: Choice) => {
    setChoice(value);
    chooseTheme(value);
  };
  return (
    <section className="card" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t.heading}</h2>
      <fieldset className="theme-choice" aria-describedby={`${id}-note`}>
        <legend className="field-label">{t.legend}</legend>
        {t.options.map((option) => (
          <label key={option.value} className="theme-option">
            <input
              type="radio"
              className="theme-radio"
              name={`theme-${id}`}
              value={option.value}
              checked={choice === option.value}
              aria-labelledby={`${id}-${option.value}-label`}
              aria-describedby={`${id}-${option.value}-hint`}
              onChange={() => choose(option.value)}
            />
            <span className="theme-option-text">
              <span id={`${id}-${option.value}-label`}>{option.label}</span>
              <span className="theme-option-hint" id={`${id}-${option.value}-hint`}>
                {option.hint}
              </span>
            </span>
          </label>
        ))}
      </fieldset>
      <p className="field-hint" id={`${id}-note`}>
        {t.note}
      </p>
    </section>
  );
}
