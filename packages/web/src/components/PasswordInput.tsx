import { useRef, useState, type ReactNode } from 'react';
import { Button, FieldError, Input, Label, Text, TextField } from 'react-aria-components';
import { strings } from '../strings';
import { useRewardEarly } from './use-reward-early';

interface PasswordInputProps {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  autoComplete: 'current-password' | 'new-password';
  description?: string;
  /** What to say when the field is left empty; by default “Enter your password.” */
  requiredMessage?: string;
  validate?: (value: string) => string | null;
  autoFocus?: boolean;
  /** Shown under the input, before the error: the strength meter for a new password. */
  children?: ReactNode;
}

/** A required password field with a “Show” toggle, so people can check what they typed. */
export function PasswordInput(props: PasswordInputProps) {
  const [visible, setVisible] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  useRewardEarly(input);
  return (
    <TextField
      className="field"
      name={props.name}
      value={props.value}
      onChange={props.onChange}
      type={visible ? 'text' : 'password'}
      autoComplete={props.autoComplete}
      autoFocus={props.autoFocus}
      isRequired
      validate={(value) =>
        value ? (props.validate?.(value) ?? null) : (props.requiredMessage ?? strings.required.password)
      }
    >
      <Label className="field-label">{props.label}</Label>
      {props.description ? (
        <Text slot="description" className="field-hint">
          {props.description}
        </Text>
      ) : null}
      <div className="input-group">
        <Input ref={input} className="field-input" spellCheck={false} autoCapitalize="none" />
        <Button
          className="button button-quiet input-addon"
          aria-label={visible ? strings.common.hidePassword : strings.common.showPassword}
          onPress={() => setVisible((v) => !v)}
        >
          {visible ? strings.common.hide : strings.common.show}
        </Button>
      </div>
      {props.children}
      <FieldError className="field-error" />
    </TextField>
  );
}
