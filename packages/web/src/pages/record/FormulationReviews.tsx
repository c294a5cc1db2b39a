import { useState } from 'react';
import { Form } from 'react-aria-components';
import { ActionButton } from '../../components/ActionButton';
import { FormStatus } from '../../components/FormStatus';
import { TextInput } from '../../components/TextInput';
import { useFieldErrors } from '../../components/use-field-errors';
import { formatDate } from '../../lib/format';
import { FormulationText } from './FormulationText';
import { useAddReview } from './formulation-api';
import type { Review } from './formulation-types';
import { formulationStrings as t } from './formulation-strings';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Today on this device's calendar, as YYYY-MM-DD. */
function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The dated review entries, newest first, and the form that adds one (entries are kept as written). */
export function FormulationReviews({ episodeId, reviews }: { episodeId: string; reviews: Review[] }) {
  const add = useAddReview(episodeId);
  const errors = useFieldErrors(add.error);
  const [date, setDate] = useState(today);
  const [text, setText] = useState('');
  const [said, setSaid] = useState<string | null>(null);
  return (
    <section className="card stack-small" aria-labelledby="reviews-heading">
      <h2 id="reviews-heading">{t.reviewsHeading}</h2>
      {reviews.length === 0 ? (
        <p className="muted">{t.reviewsEmpty}</p>
      ) : (
        <ol className="formulation-reviews" aria-label={t.reviewsHeading}>
          {reviews.map((r) => (
            <li key={r.id} className="formulation-review">
              <p className="item-meta">
                <time dateTime={r.reviewedOn}>{formatDate(`${r.reviewedOn}T12:00:00Z`)}</time>{' '}
                {t.reviewBy(r.author.displayName)}
              </p>
              <p className="formulation-review-text">{r.text}</p>
            </li>
          ))}
        </ol>
      )}
      <Form
        className="stack-small"
        validationErrors={errors}
        onSubmit={(event) => {
          event.preventDefault();
          setSaid(null);
          add.mutate(
            { reviewedOn: date.trim(), text },
            {
              onSuccess: () => {
                setText('');
                setSaid(t.reviewAdded);
              },
            },
          );
        }}
      >
        <TextInput
          label={t.reviewDate}
          name="reviewedOn"
          value={date}
          onChange={setDate}
          description={t.reviewDateHint}
          isRequired
          className="formulation-date"
          validate={(value) => (DAY.test(value.trim()) ? null : t.reviewDateInvalid)}
        />
        <FormulationText label={t.reviewText} name="text" value={text} onChange={setText} rows={4} isRequired />
        <FormStatus pending={add.isPending} error={add.error} success={said} />
        <div className="button-row">
          <ActionButton type="submit" className="button button-secondary" isPending={add.isPending}>
            {t.addReview}
          </ActionButton>
        </div>
      </Form>
    </section>
  );
}
