import { needsUrgentHelp, reflect, type ReflectionAnswers, type ReflectionResult } from '@undercurrent/clinical';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { Page } from '../../components/Page';
import { CrisisResourcesPanel } from './CrisisResourcesPanel';
import { EnquireLink } from './EnquireLink';
import { reflectionStrings as s } from './reflection-strings';
import { sitePath, useSiteSlug } from './site-context';

/**
 * "Is this right for me?": six questions, answered and worked out in this browser only (reflect() from
 * @undercurrent/clinical). Nothing is sent anywhere or kept: the answers live in this component's state
 * and are gone when the page is left. An answer about current risk shows crisis lines at once, before
 * any other question.
 */
type Question = keyof ReflectionAnswers;
const ORDER: Question[] = ['safety', 'curiosity', 'patterns', 'wish', 'time', 'frequency'];

function Choice<Q extends Question>({
  question,
  value,
  invalid,
  onChange,
}: {
  question: Q;
  value: ReflectionAnswers[Q] | undefined;
  invalid: boolean;
  onChange: (value: ReflectionAnswers[Q]) => void;
}) {
  const words = s.questions[question];
  const errorId = `reflection-${question}-error`;
  return (
    <fieldset
      className="reflection-question"
      aria-describedby={invalid ? errorId : undefined}
      data-invalid={invalid || undefined}
    >
      <legend>{words.legend}</legend>
      {invalid ? (
        <p className="field-error" id={errorId}>
          {s.required}
        </p>
      ) : null}
      <div className="reflection-options">
        {Object.entries(words.options).map(([key, label]) => (
          <label key={key} className="reflection-option">
            <input
              type="radio"
              name={question}
              value={key}
              checked={value === key}
              onChange={() => onChange(key as ReflectionAnswers[Q])}
            />
            <span>{label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function Result({ result, slug }: { result: ReflectionResult; slug: string }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [result]);
  const outcome = s.outcomes[result.outcome];
  return (
    <section className="reflection-result" aria-labelledby="reflection-result-heading">
      <h2 id="reflection-result-heading" ref={heading} tabIndex={-1}>
        {s.resultHeading}: {outcome.headline}
      </h2>
      <p>{outcome.body}</p>
      <h3>{s.whyHeading}</h3>
      <ul>
        {result.reasons.map((reason) => (
          <li key={reason}>{s.reasons[reason]}</li>
        ))}
      </ul>
      {result.alsoConsider.length > 0 ? (
        <>
          <h3>{s.alsoHeading}</h3>
          <ul>
            {result.alsoConsider.map((other) => (
              <li key={other}>{s.alsoConsider[other]}</li>
            ))}
          </ul>
        </>
      ) : null}
      {result.showCrisisResources ? (
        <CrisisResourcesPanel headingId="reflection-result-crisis" heading={s.urgentNow} />
      ) : (
        <>
          <h3>{s.nextHeading}</h3>
          <p>
            <Link to={sitePath(slug, 'therapists')}>{s.nextTherapists}</Link>
          </p>
          <p>{s.nextContact}</p>
          <EnquireLink slug={slug} />
        </>
      )}
    </section>
  );
}

export function ReflectionPage() {
  const slug = useSiteSlug();
  const [answers, setAnswers] = useState<Partial<ReflectionAnswers>>({});
  const [result, setResult] = useState<ReflectionResult | null>(null);
  const [tried, setTried] = useState(false);
  const urgent = needsUrgentHelp(answers.safety);

  const set = <Q extends Question>(question: Q, value: ReflectionAnswers[Q]) => {
    setAnswers((current) => ({ ...current, [question]: value }));
    setResult(null);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    const missing = ORDER.find((q) => answers[q] === undefined);
    if (missing) {
      document.querySelector<HTMLInputElement>(`input[name="${missing}"]`)?.focus();
      return;
    }
    setResult(reflect(answers as ReflectionAnswers));
  };

  return (
    <Page title={s.title} lead={s.lead}>
      <p className="notice notice-info">{s.privacy}</p>
      {/* No action and no method: the form is never sent anywhere; submitting only works the answer out here. */}
      <form className="reflection" onSubmit={submit} noValidate>
        <Choice
          question="safety"
          value={answers.safety}
          invalid={tried && !answers.safety}
          onChange={(v) => set('safety', v)}
        />
        <div aria-live="polite">
          {urgent ? (
            <div className="reflection-urgent">
              <p className="reflection-urgent-lead">{s.urgentLead}</p>
              <CrisisResourcesPanel headingId="reflection-urgent-heading" heading={s.urgentNow} />
            </div>
          ) : null}
        </div>
        {ORDER.slice(1).map((question) => (
          <Choice
            key={question}
            question={question}
            value={answers[question]}
            invalid={tried && answers[question] === undefined}
            onChange={(value) => set(question, value as never)}
          />
        ))}
        <div className="site-actions">
          <button type="submit" className="button button-primary">
            {s.submit}
          </button>
          <button
            type="button"
            className="button button-secondary"
            onClick={() => {
              setAnswers({});
              setResult(null);
              setTried(false);
            }}
          >
            {s.again}
          </button>
        </div>
        {tried && ORDER.some((q) => answers[q] === undefined) ? (
          <p className="field-error" role="alert">
            {s.incomplete}
          </p>
        ) : null}
      </form>
      {result ? <Result result={result} slug={slug} /> : null}
    </Page>
  );
}
