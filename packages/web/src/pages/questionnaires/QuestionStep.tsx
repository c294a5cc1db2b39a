import { useEffect, useRef } from 'react';
import type { PortalAnswerValue, PortalItem } from './questionnaires-types';
import { questionnairesStrings as s } from './questionnaires-strings';

const keyOf = (value: PortalAnswerValue | undefined) => (value === null || value === undefined ? '' : String(value));
const valueOf = (key: string): PortalAnswerValue =>
  key === 'declined' || key === 'not-applicable' ? key : Number(key);

/**
 * One question on its own screen: where it is ("Question 3 of 9", focused when the screen changes so
 * a screen reader starts there), the instrument's instruction, then the question as a radio group in
 * its exact wording, with "Prefer not to answer" last.
 */
export function QuestionStep({
  item,
  index,
  total,
  stem,
  value,
  onChoose,
}: {
  item: PortalItem;
  index: number;
  total: number;
  stem: string | null;
  value: PortalAnswerValue | undefined;
  onChoose: (value: PortalAnswerValue) => void;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, [index]);
  const choices = [
    ...item.options.map((o) => ({ key: String(o.value), label: o.label })),
    ...(item.notApplicable ? [{ key: 'not-applicable', label: s.complete.notApplicable(item.notApplicable) }] : []),
    { key: 'declined', label: s.complete.declined },
  ];
  const current = keyOf(value);
  const name = `question-${item.linkId}`;
  return (
    <div className="questionnaire-step">
      <h2 className="questionnaire-progress" tabIndex={-1} ref={heading}>
        {s.complete.progress(index + 1, total)}
      </h2>
      {stem ? <p className="measure-stem">{stem}</p> : null}
      <fieldset className="measure-question">
        <legend className="measure-legend">{item.text}</legend>
        <div className="questionnaire-options">
          {choices.map((choice) => (
            <label key={choice.key} className="measure-option">
              <input
                type="radio"
                className="measure-radio"
                name={name}
                value={choice.key}
                checked={current === choice.key}
                onChange={() => onChoose(valueOf(choice.key))}
              />
              <span>{choice.label}</span>
            </label>
          ))}
        </div>
      </fieldset>
    </div>
  );
}
