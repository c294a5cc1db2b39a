import { useRef } from 'react';
import { FieldError, Label, Text, TextArea, TextField } from 'react-aria-components';
import { useRewardEarly } from '../../components/use-reward-early';
import { strings } from '../../strings';

interface TextAreaFieldProps {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  description?: string;
  isRequired?: boolean;
  requiredMessage?: string;
  maxLength?: number;
  autoFocus?: boolean;
}

/** A labelled multi-line field with its hint and its error, wired up as TextInput is. */
export function TextAreaField(props: TextAreaFieldProps) {
  const area = useRef<HTMLTextAreaElement>(null);
  // The hook only listens for `input` and re-sends `change`, which a textarea does just as an input.
  useRewardEarly(area);
  return (
    <TextField
      className="field"
      name={props.name}
      value={props.value}
      onChange={props.onChange}
      isRequired={props.isRequired}
      maxLength={props.maxLength}
      autoFocus={props.autoFocus}
      validate={(value) =>
        props.isRequired && !value.trim() ? (props.requiredMessage ?? strings.common.required(props.label)) : null
      }
    >
      <Label className="field-label">
        {props.label}
        {!props.isRequired ? <span className="field-optional"> ({strings.common.optional})</span> : null}
      </Label>
      {props.description ? (
        <Text slot="description" className="field-hint">
          {props.description}
        </Text>
      ) : null}
      <TextArea ref={area} className="field-input" rows={4} />
      <FieldError className="field-error" />
    </TextField>
  );
}
