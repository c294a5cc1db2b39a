import { strings } from '../strings';
import { TextInput } from './TextInput';

/** The person's own name, as others in the practice will see it (setup and invitation acceptance). */
export function OwnNameField(props: { value: string; onChange: (value: string) => void }) {
  return (
    <TextInput
      label={strings.fields.displayName}
      name="displayName"
      value={props.value}
      onChange={props.onChange}
      description={strings.fields.displayNameHint}
      autoComplete="name"
      maxLength={200}
      isRequired
      requiredMessage={strings.required.displayName}
    />
  );
}
