import { FieldError, Label, Text, TextArea, TextField } from 'react-aria-components';

/** A calm, labelled text area of the formulation, with its hint and any error the server gave for it. */
export function FormulationText(props: {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  hint?: string;
  rows?: number;
  maxLength?: number;
  isRequired?: boolean;
}) {
  return (
    <TextField
      className="field"
      name={props.name}
      value={props.value}
      onChange={props.onChange}
      maxLength={props.maxLength}
      isRequired={props.isRequired}
    >
      <Label className="field-label">{props.label}</Label>
      {props.hint ? (
        <Text slot="description" className="field-hint">
          {props.hint}
        </Text>
      ) : null}
      <TextArea className="field-input record-textarea" rows={props.rows ?? 5} />
      <FieldError className="field-error" />
    </TextField>
  );
}
