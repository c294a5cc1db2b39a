import { useEffect, useRef } from 'react';
import { Button } from 'react-aria-components';
import type { PortalAnswerValue, PortalItem } from './questionnaires-types';
import { questionnairesStrings as s } from './questionnaires-strings';

function answerLabel(item: PortalItem, value: PortalAnswerValue | undefined): string {
  if (value === undefined || value === null) return s.review.noAnswer;
  if (value === 'declined') return s.complete.declined;
  if (value === 'not-applicable') return item.notApplicable ?? value;
  return item.options.find((o) => o.value === value)?.label ?? String(value);
}

/** Every question with the answer given, each with a way back to change it, before sending. */
export function ReviewStep({
  items,
  answers,
  onChange,
}: {
  items: PortalItem[];
  answers: Record<string, PortalAnswerValue | undefined>;
  onChange: (index: number) => void;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  return (
    <section aria-labelledby="review-heading" className="stack-small">
      <h2 id="review-heading" tabIndex={-1} ref={heading}>
        {s.review.heading}
      </h2>
      <p>{s.review.lead}</p>
      <ol className="questionnaire-review">
        {items.map((item, index) => (
          <li key={item.linkId} className="questionnaire-review-item">
            <p className="questionnaire-review-question">{item.text}</p>
            <p className="questionnaire-review-answer">{answerLabel(item, answers[item.linkId])}</p>
            <Button
              className="button button-quiet"
              aria-label={s.review.changeLabel(index + 1)}
              onPress={() => onChange(index)}
            >
              {s.review.change}
            </Button>
          </li>
        ))}
      </ol>
    </section>
  );
}
