import { useId } from 'react';

interface ScaleFieldProps {
  legend: string;
  /** Says what the two ends mean, for everyone (the end words under the row are visual only). */
  hint: string;
  values: readonly number[];
  value: number | null;
  onChange: (value: number) => void;
  lowLabel: string;
  highLabel: string;
  /** A smaller scale inside another field (a feeling's intensity). */
  compact?: boolean;
}

/** A row of numbered radio buttons (0–10 for mood, 1–5 for a feeling's strength). */
export function ScaleField(props: ScaleFieldProps) {
  const id = useId();
  return (
    <fieldset
      className={props.compact ? 'fieldset jw-scale jw-scale-compact' : 'fieldset jw-scale'}
      aria-describedby={`${id}-hint`}
    >
      <legend className={props.compact ? 'jw-scale-legend' : 'field-label'}>{props.legend}</legend>
      <p className={props.compact ? 'visually-hidden' : 'field-hint'} id={`${id}-hint`}>
        {props.hint}
      </p>
      <div className="jw-scale-options" data-count={props.values.length}>
        {props.values.map((n) => (
          <label key={n} className="jw-scale-option">
            <input
              type="radio"
              className="jw-scale-input"
              name={`${id}-scale`}
              value={n}
              checked={props.value === n}
              onChange={() => props.onChange(n)}
            />
            <span className="jw-scale-face">{n}</span>
          </label>
        ))}
      </div>
      <div className="jw-scale-ends" aria-hidden="true">
        <span>{props.lowLabel}</span>
        <span>{props.highLabel}</span>
      </div>
    </fieldset>
  );
}
