import type { ReactNode } from 'react';
import { strings } from '../../strings';

/**
 * The intake form's controls: native inputs, each with its label, hint and error linked for assistive
 * technology. The error shows beside the field whether it came from this page or from the server.
 */
interface FieldProps {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  required?: boolean;
  children: (describedBy: string | undefined) => ReactNode;
}

function FieldFrame({ id, label, hint, error, required, children }: FieldProps) {
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field" data-invalid={error ? true : undefined}>
      <label className="field-label" htmlFor={id}>
        {label}
        {!required ? <span className="field-optional"> ({strings.common.optional})</span> : null}
      </label>
      {hint ? (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {children(describedBy)}
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

interface InputProps {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  required?: boolean;
  value: string;
  maxLength: number;
  onChange: (value: string) => void;
}

export function TextField(
  props: InputProps & { type?: 'text' | 'email'; autoComplete?: string; inputMode?: 'decimal' | 'text' },
) {
  return (
    <FieldFrame {...props}>
      {(describedBy) => (
        <input
          id={props.id}
          name={props.id.replace(/^intake-/, '')}
          className="field-input"
          type={props.type ?? 'text'}
          value={props.value}
          maxLength={props.maxLength}
          autoComplete={props.autoComplete}
          inputMode={props.inputMode}
          aria-required={props.required || undefined}
          aria-invalid={props.error ? true : undefined}
          aria-describedby={describedBy}
          onChange={(e) => props.onChange(e.target.value)}
        />
      )}
    </FieldFrame>
  );
}

export function TextAreaField(props: InputProps) {
  return (
    <FieldFrame {...props}>
      {(describedBy) => (
        <textarea
          id={props.id}
          name={props.id.replace(/^intake-/, '')}
          className="field-input"
          rows={5}
          value={props.value}
          maxLength={props.maxLength}
          aria-required={props.required || undefined}
          aria-invalid={props.error ? true : undefined}
          aria-describedby={describedBy}
          onChange={(e) => props.onChange(e.target.value)}
        />
      )}
    </FieldFrame>
  );
}

/** A group of checkboxes: any number of answers, none meaning "no preference". */
export function CheckboxList<V extends string>({
  legend,
  name,
  options,
  selected,
  onChange,
}: {
  legend: string;
  name: string;
  options: { value: V; label: string }[];
  selected: V[];
  onChange: (selected: V[]) => void;
}) {
  return (
    <fieldset className="intake-choices">
      <legend>{legend}</legend>
      <div className="intake-options">
        {options.map((option) => (
          <label key={option.value} className="reflection-option">
            <input
              type="checkbox"
              name={name}
              value={option.value}
              checked={selected.includes(option.value)}
              onChange={(e) =>
                onChange(
                  e.target.checked
                    ? [...selected.filter((v) => v !== option.value), option.value]
                    : selected.filter((v) => v !== option.value),
                )
              }
            />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
