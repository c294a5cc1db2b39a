import { useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Checkbox } from 'react-aria-components';
import { ApiError } from '../../api/errors';
import { frameStrings as t } from './frame-strings';

/**
 * The frame's form fields: native date, time and number inputs (familiar on every phone, and light),
 * each with its label, hint and error wired up for assistive technology, in the app's own classes.
 * Errors come from the form's own checks (see useChecks), shown next to the field.
 */

export type Errors = Record<string, string | undefined>;

interface FieldShell {
  label: string;
  /** Said after the label to screen readers only: "Time" + " of session 2". */
  labelMore?: string;
  /** On wide screens the label is read out but not shown: rows under a first row that shows it. */
  hideLabel?: boolean;
  name: string;
  hint?: ReactNode;
  error?: string | null;
  optional?: boolean;
  className?: string;
}

function described(id: string, hint: unknown, error: unknown): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function FieldFrame({
  id,
  label,
  labelMore,
  hideLabel,
  hint,
  error,
  optional,
  className,
  children,
}: FieldShell & { id: string; children: ReactNode }) {
  return (
    <div className={className ? `field ${className}` : 'field'} data-invalid={error ? true : undefined}>
      <label className={hideLabel ? 'field-label field-label-repeat' : 'field-label'} htmlFor={id}>
        {label}
        {labelMore ? <span className="visually-hidden"> {labelMore}</span> : null}
        {optional ? <span className="field-optional"> ({t.common.optional})</span> : null}
      </label>
      {hint ? (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {children}
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

interface InputFieldProps extends FieldShell {
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'date' | 'time';
  inputMode?: 'text' | 'numeric' | 'decimal';
  autoComplete?: string;
  maxLength?: number;
  min?: string;
  max?: string;
  autoFocus?: boolean;
}

export function InputField(props: InputFieldProps) {
  const id = useId();
  return (
    <FieldFrame {...props} id={id}>
      <input
        id={id}
        name={props.name}
        className="field-input"
        type={props.type ?? 'text'}
        value={props.value}
        inputMode={props.inputMode}
        autoComplete={props.autoComplete ?? 'off'}
        maxLength={props.maxLength}
        min={props.min}
        max={props.max}
        autoFocus={props.autoFocus}
        aria-invalid={props.error ? true : undefined}
        aria-required={props.optional ? undefined : true}
        aria-describedby={described(id, props.hint, props.error)}
        onChange={(event) => props.onChange(event.target.value)}
      />
    </FieldFrame>
  );
}

export function TextAreaField(props: FieldShell & { value: string; onChange: (v: string) => void; rows?: number }) {
  const id = useId();
  return (
    <FieldFrame {...props} id={id}>
      <textarea
        id={id}
        name={props.name}
        className="field-input field-textarea"
        rows={props.rows ?? 5}
        value={props.value}
        aria-invalid={props.error ? true : undefined}
        aria-required={props.optional ? undefined : true}
        aria-describedby={described(id, props.hint, props.error)}
        onChange={(event) => props.onChange(event.target.value)}
      />
    </FieldFrame>
  );
}

export function ChoiceField<V extends string>(
  props: FieldShell & {
    value: V;
    onChange: (value: V) => void;
    options: readonly { value: V; label: string }[];
  },
) {
  const id = useId();
  return (
    <FieldFrame {...props} id={id}>
      <select
        id={id}
        name={props.name}
        className="field-input field-select"
        value={props.value}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={described(id, props.hint, props.error)}
        onChange={(event) => props.onChange(event.target.value as V)}
      >
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

export function CheckMark() {
  return (
    <span className="checkbox-box" aria-hidden="true">
      <svg viewBox="0 0 18 18">
        <polyline points="3.5 9.5 7.5 13 14.5 5" />
      </svg>
    </span>
  );
}

export function CheckField({
  label,
  hint,
  isSelected,
  onChange,
  name,
}: {
  label: string;
  hint?: string;
  isSelected: boolean;
  onChange: (value: boolean) => void;
  name: string;
}) {
  const id = useId();
  return (
    <div className="check-field">
      <Checkbox
        className="checkbox"
        name={name}
        isSelected={isSelected}
        onChange={onChange}
        aria-describedby={hint ? `${id}-hint` : undefined}
      >
        <CheckMark />
        {label}
      </Checkbox>
      {hint ? (
        <p className="field-hint check-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}

/**
 * One choice among a few, as native radio buttons in a fieldset: the arrow keys move between them
 * as everywhere else, and each option's hint is read with it.
 */
export function RadioField<V extends string>({
  label,
  value,
  onChange,
  options,
  name,
  error,
}: {
  label: string;
  value: V;
  onChange: (value: V) => void;
  options: readonly { value: V; label: string; hint?: string }[];
  name: string;
  error?: string | null;
}) {
  const id = useId();
  return (
    <fieldset className="radio-group" aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="field-label">{label}</legend>
      {options.map((option, i) => (
        <label key={option.value} className="radio">
          <input
            type="radio"
            className="radio-input"
            name={`${name}-${id}`}
            value={option.value}
            checked={value === option.value}
            aria-describedby={option.hint ? `${id}-${i}-hint` : undefined}
            onChange={() => onChange(option.value)}
          />
          <span className="radio-text">
            <span>{option.label}</span>
            {option.hint ? (
              <span className="radio-hint" id={`${id}-${i}-hint`}>
                {option.hint}
              </span>
            ) : null}
          </span>
        </label>
      ))}
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

/**
 * A form's own checks, and the server's refusals of particular fields. Nothing is said until the
 * first attempt to send; from then on each message goes as soon as its field is put right (so the
 * button does not move under the pointer). A failed attempt moves focus to the first field in
 * error. The server's field messages (`fields` of its answer, renamed to the form's own names) show
 * beside their fields until the person changes something.
 */
export function useChecks<T>(
  values: T,
  check: (values: T) => Errors,
  server?: { error: unknown; rename?: (field: string) => string },
) {
  const [attempted, setAttempted] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const seen = useRef<{ error: unknown; values: string } | null>(null);
  const current = JSON.stringify(values);
  const error = server?.error;
  if (error && seen.current?.error !== error) seen.current = { error, values: current };
  const fromServer: Errors = {};
  if (error instanceof ApiError && seen.current?.values === current) {
    for (const { field, message } of error.fields) {
      const name = server?.rename ? server.rename(field) : field;
      fromServer[name] = fromServer[name] ? `${fromServer[name]} ${message}` : message;
    }
  }
  const errors: Errors = { ...fromServer, ...(attempted ? check(values) : {}) };
  const submit = (event: FormEvent, send: () => void) => {
    event.preventDefault();
    setAttempted(true);
    const found = check(values);
    if (Object.values(found).some(Boolean)) {
      window.requestAnimationFrame(() => {
        const first = form.current?.querySelector<HTMLElement>('[aria-invalid="true"], [data-invalid] input');
        first?.focus();
      });
      return;
    }
    send();
  };
  return { errors, form, submit, reset: () => setAttempted(false) };
}

export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
export const WALL_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
