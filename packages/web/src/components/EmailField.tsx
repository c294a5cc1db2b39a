import { strings } from '../strings';
import { TextInput } from './TextInput';

/** The required e-mail address field every form uses: our label, our messages, no spell-check. */
export function EmailField(props: {
  value: string;
  onChange: (value: string) => void;
  /** "username" on sign-in (password managers), "email" for one's own address, "off" for someone else's. */
  autoComplete: 'username' | 'email' | 'off';
}) {
  return (
    <TextInput
      label={strings.fields.email}
      name="email"
      type="email"
      value={props.value}
      onChange={props.onChange}
      autoComplete={props.autoComplete}
      spellCheck={false}
      isRequired
      requiredMessage={strings.required.email}
    />
  );
}
