import { FieldError, Input, Label, Text, TextField } from 'react-aria-components';
import { strings } from '../strings';

export interface TextInputProps {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'email' | 'password' | 'search' | 'tel' | 'url';
  autoComplete?: string;
  description?: string;
  isRequired?: boolean;
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
        if (isRequired && !value.trim()) return strings.common.required(label);
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
      <Input className="field-input" spellCheck={props.spellCheck} />
      <FieldError className="field-error" />
    </TextField>
  );
}
