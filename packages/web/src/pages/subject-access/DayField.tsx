import { useId } from 'react';
import { strings } from '../../strings';

interface DayFieldProps {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  isRequired?: boolean;
  max?: string;
  min?: string;
  description?: string;
}

/** A labelled native date field: every phone has a good date picker for it. */
export function DayField({ label, name, value, onChange, isRequired, max, min, description }: DayFieldProps) {
  const id = useId();
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {label}
        {!isRequired ? <span className="field-optional"> ({strings.common.optional})</span> : null}
      </label>
      {description ? (
        <p className="field-hint" id={`${id}-hint`}>
          {description}
        </p>
      ) : null}
      <input
        id={id}
        name={name}
        type="date"
        className="field-input sar-date"
        value={value}
        required={isRequired}
        max={max}
        min={min}
        aria-describedby={description ? `${id}-hint` : undefined}
        onChange={(event) => onChange(event.target.value)}
      />
    </div>
  );
}
