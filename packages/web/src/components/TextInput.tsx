import { useRef } from 'react';
import { FieldError, Input, Label, Text, TextField } from 'react-aria-components';
import { strings } from '../strings';
import { useRewardEarly } from './use-reward-early';

/** The HTML standard's own definition of a valid e-mail address, so our message replaces the browser's. */
const EMAIL =
  /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;

export interface TextInputProps {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'email' | 'password' | 'search' | 'tel' | 'url';
  autoComplete?: string;
  description?: string;
  isRequired?: boolean;
  /** What to say when a required field is left empty; by default “Enter <label>.” */
  requiredMessage?: string;
  isDisabled?: boolean;
  maxLength?: number;
  inputMode?: 'text' | 'numeric' | 'email' | 'tel';
  /** Extra client-side check; return a message, or null when the value is fine. */
  validate?: (value: string) => string | null;
  autoFocus?: boolean;
  spellCheck?: boolean;
  className?: string;
}

/** A labelled text field with its hint and its error, all wired up for assistive technology. */
export function TextInput(props: TextInputProps) {
  const { label, description, isRequired, validate } = props;
  const input = useRef<HTMLInputElement>(null);
  useRewardEarly(input);
  return (
    <TextField
      className={props.className ? `field ${props.className}` : 'field'}
      name={props.name}
      value={props.value}
      onChange={props.onChange}
      type={props.type ?? 'text'}
      autoComplete={props.autoComplete}
      isRequired={isRequired}
      isDisabled={props.isDisabled}
      maxLength={props.maxLength}
      inputMode={props.inputMode}
      autoFocus={props.autoFocus}
      validate={(value) => {
        if (isRequired && !value.trim()) return props.requiredMessage ?? strings.common.required(label);
        if (props.type === 'email' && value.trim() && !EMAIL.test(value.trim())) return strings.common.emailInvalid;
        return validate?.(value) ?? null;
      }}
    >
      <Label className="field-label">
        {label}
        {!isRequired ? <span className="field-optional"> ({strings.common.optional})</span> : null}
      </Label>
      {description ? (
        <Text slot="description" className="field-hint">
          {description}
        </Text>
      ) : null}
      <Input ref={input} className="field-input" spellCheck={props.spellCheck} />
      <FieldError className="field-error" />
    </TextField>
  );
}
