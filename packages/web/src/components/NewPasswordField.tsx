import { describeStrength } from '../lib/strength';
import { strings } from '../strings';
import { PasswordInput } from './PasswordInput';
import { usePasswordStrength, type StrengthContext } from './password-strength';

interface NewPasswordFieldProps {
  label?: string;
  name?: string;
  value: string;
  onChange: (value: string) => void;
  requiredMessage?: string;
  /** The person’s e-mail and name, so the server can refuse passwords built from them. */
  context?: StrengthContext;
}

/** A new-password field with live, debounced strength feedback from the server’s own policy. */
export function NewPasswordField({
  label,
  name,
  value,
  onChange,
  requiredMessage,
  context = {},
}: NewPasswordFieldProps) {
  const { result, latest, failed, checking } = usePasswordStrength(value, context);
  const description = latest ? describeStrength(latest) : null;
  return (
    <PasswordInput
      label={label ?? strings.fields.choosePassword}
      name={name ?? 'password'}
      value={value}
      onChange={onChange}
      autoComplete="new-password"
      requiredMessage={requiredMessage ?? strings.required.choosePassword}
      description={strings.strength.hint}
      validate={() => (result && !result.acceptable ? strings.strength.tooWeak : null)}
    >
      <div
        className="strength"
        data-level={description ? description.level : 'none'}
        data-tone={description?.tone}
        data-checking={checking || undefined}
      >
        <div className="strength-track" aria-hidden="true">
          <span className="strength-fill" />
        </div>
        <p className="strength-text" aria-live="polite">
          {description ? description.verdict : failed ? strings.strength.unavailable : ''}
        </p>
        {description && description.hints.length > 0 ? (
          <ul className="strength-hints">
            {description.hints.map((hint) => (
              <li key={hint}>{hint}</li>
            ))}
          </ul>
        ) : null}
      </div>
    </PasswordInput>
  );
}
