import { useId } from 'react';

interface SelectFieldProps<V extends string> {
  label: string;
  name: string;
  value: V;
  onChange: (value: V) => void;
  options: readonly { value: V; label: string }[];
  description?: string;
}

/** A labelled native select: familiar on every phone, and light. */
export function SelectField<V extends string>({
  label,
  name,
  value,
  onChange,
  options,
  description,
}: SelectFieldProps<V>) {
  const id = useId();
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      {description ? (
        <p className="field-hint" id={`${id}-hint`}>
          {description}
        </p>
      ) : null}
      <select
        id={id}
        name={name}
        className="field-input field-select"
        value={value}
        aria-describedby={description ? `${id}-hint` : undefined}
        onChange={(event) => onChange(event.target.value as V)}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
