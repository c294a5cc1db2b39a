import { useId } from 'react';
import type { AnswerValue, InstrumentDefinition, InstrumentItem } from './measures-types';
import { measuresStrings as t } from './measures-strings';

/** A question's answers: its own, else the instrument's. */
function optionsOf(def: InstrumentDefinition, item: InstrumentItem) {
  return item.answerOptions ?? def.answerOptions ?? [];
}

/** How an answer is kept in a radio's value. */
const BLANK = 'blank';
const keyOf = (value: AnswerValue | undefined): string =>
  value === null || value === undefined ? BLANK : String(value);
function valueOf(key: string): AnswerValue {
  if (key === BLANK) return null;
  if (key === 'declined' || key === 'not-applicable') return key;
  return Number(key);
}

function Question({
  def,
  item,
  index,
  value,
  onChange,
  name,
}: {
  def: InstrumentDefinition;
  item: InstrumentItem;
  index: number;
  value: AnswerValue | undefined;
  onChange: (value: AnswerValue) => void;
  name: string;
}) {
  const choices = [
    ...optionsOf(def, item).map((o) => ({ key: String(o.value), label: o.label })),
    ...(item.notApplicable ? [{ key: 'not-applicable', label: t.form.notApplicable(item.notApplicable.label) }] : []),
    { key: 'declined', label: t.form.declined },
    { key: BLANK, label: t.form.blank },
  ];
  const current = keyOf(value);
  return (
    <fieldset className="measure-question">
      <legend className="measure-legend">
        {t.form.question(index + 1, item.text)}
        {item.scored === false ? <span className="measure-unscored"> {t.form.unscored}</span> : null}
      </legend>
      <div className="measure-options">
        {choices.map((choice) => (
          <label key={choice.key} className="measure-option">
            <input
              type="radio"
              className="measure-radio"
              name={name}
              value={choice.key}
              checked={current === choice.key}
              onChange={() => onChange(valueOf(choice.key))}
            />
            <span>{choice.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/**
 * An instrument's questions as they are administered: the stem, then one fieldset per question
 * with its answers as radio buttons (and "Declined to answer", "Left blank"), then the copyright
 * line. Used by the entry form and by the admin's preview alike, so both show the same thing.
 */
export function QuestionnaireFields({
  def,
  answers,
  onChange,
}: {
  def: InstrumentDefinition;
  answers: Record<string, AnswerValue>;
  onChange: (linkId: string, value: AnswerValue) => void;
}) {
  const id = useId();
  return (
    <div className="measure-form">
      {def.stem ? <p className="measure-stem">{def.stem}</p> : null}
      {def.items.map((item, index) => (
        <Question
          key={item.linkId}
          def={def}
          item={item}
          index={index}
          value={answers[item.linkId]}
          onChange={(value) => onChange(item.linkId, value)}
          name={`${id}-q-${item.linkId}`}
        />
      ))}
      <p className="measure-copyright">{def.licence.copyright}</p>
    </div>
  );
}
