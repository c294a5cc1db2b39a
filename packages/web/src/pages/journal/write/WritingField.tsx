import { useId, type Ref } from 'react';
import { strings } from '../../../strings';

interface WritingFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  onBlur: () => void;
  hint?: string;
  /** Shown as the label's "(optional)". */
  optional?: boolean;
  rows?: number;
  /** The main text of an entry: larger, in the reading face. */
  main?: boolean;
  visuallyHiddenLabel?: boolean;
  className?: string;
  autoFocus?: boolean;
  textareaRef?: Ref<HTMLTextAreaElement>;
}

/**
 * A labelled plain-text area. Plain on purpose: what is pasted arrives as text (HTML stays visible
 * as its characters, never rendered), and what is typed is sent exactly as typed.
 */
export function WritingField(props: WritingFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  return (
    <div className={props.className ? `field ${props.className}` : 'field'}>
      <label htmlFor={id} className={props.visuallyHiddenLabel ? 'visually-hidden' : 'field-label'}>
        {props.label}
        {props.optional ? <span className="field-optional"> ({strings.common.optional})</span> : null}
      </label>
      {props.hint ? (
        <p className="field-hint" id={hintId}>
          {props.hint}
        </p>
      ) : null}
      <textarea
        id={id}
        ref={props.textareaRef}
        className={props.main ? 'field-input jw-textarea jw-textarea-main' : 'field-input jw-textarea'}
        value={props.value}
        rows={props.rows ?? 4}
        aria-describedby={props.hint ? hintId : undefined}
        autoFocus={props.autoFocus}
        dir="auto"
        spellCheck
        onChange={(event) => props.onChange(event.target.value)}
        onBlur={props.onBlur}
      />
    </div>
  );
}
