import { useId, useState, type FormEvent } from 'react';
import { Form } from 'react-aria-components';
import { ActionButton } from '../../components/ActionButton';
import { Badge } from '../../components/Badge';
import { FormStatus } from '../../components/FormStatus';
import { Page } from '../../components/Page';
import { Empty, QueryStatus } from '../../components/States';
import { useFieldErrors } from '../../components/use-field-errors';
import { formatDateTime } from '../../lib/format';
import { TextAreaField } from '../portal/TextAreaField';
import { useDecide, useReviews } from './subject-access-api';
import { formatDay } from './subject-access-format';
import { sarStrings as t } from './subject-access-strings';
import type { Review, ReviewNote } from './subject-access-types';

/**
 * /subject-access/reviews — the signed-in therapist's own process notes about clients with an open
 * subject access request, each to include in the pack or withhold, with a reason.
 */
export function ReviewsPage() {
  const reviews = useReviews();
  return (
    <Page title={t.reviews.title} lead={t.reviews.lead}>
      <QueryStatus query={reviews} />
      {reviews.data && reviews.data.length === 0 ? <Empty>{t.reviews.empty}</Empty> : null}
      <div className="stack">
        {reviews.data?.map((review) => (
          <ReviewSection key={review.requestId} review={review} />
        ))}
      </div>
    </Page>
  );
}

function ReviewSection({ review }: { review: Review }) {
  const headingId = `sar-review-${review.requestId}`;
  return (
    <section className="stack-small" aria-labelledby={headingId}>
      <h2 id={headingId}>{t.reviews.requestHeading(review.client.displayName)}</h2>
      <p className="field-hint">{t.reviews.requestMeta(formatDay(review.receivedOn), formatDay(review.dueOn))}</p>
      <ol className="sar-review-notes">
        {review.notes.map((note) => (
          <li key={note.id}>
            <NoteDecision requestId={review.requestId} note={note} />
          </li>
        ))}
      </ol>
    </section>
  );
}

function NoteDecision({ requestId, note }: { requestId: string; note: ReviewNote }) {
  const decide = useDecide(requestId, note.id);
  const errors = useFieldErrors(decide.error);
  const [choice, setChoice] = useState(note.decision ? (note.decision.include ? 'include' : 'withhold') : '');
  const [reason, setReason] = useState('');
  const headingId = `sar-note-${note.id}`;
  const radioName = useId();
  const title = note.sessionStartsAt ? t.reviews.aboutSession(formatDateTime(note.sessionStartsAt)) : t.reviews.general;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    decide.mutate({ include: choice === 'include', reason }, { onSuccess: () => setReason('') });
  };
  return (
    <article className="card process-note-card stack-small" aria-labelledby={headingId}>
      <h3 id={headingId}>{title}</h3>
      <p className="field-hint">{t.reviews.written(formatDateTime(note.createdAt))}</p>
      <div>
        {note.decision ? (
          <Badge tone={note.decision.include ? 'info' : 'neutral'}>
            {note.decision.include ? t.reviews.includedBadge : t.reviews.withheldBadge}
          </Badge>
        ) : (
          <Badge tone="waiting">{t.reviews.undecided}</Badge>
        )}
      </div>
      <p className="sar-text sar-note-body">{note.body}</p>
      {note.decision ? (
        <p className="field-hint">
          {t.reviews.decidedOn(formatDateTime(note.decision.decidedAt), note.decision.reason)}
        </p>
      ) : null}
      <Form className="stack-small" validationErrors={errors} onSubmit={submit}>
        <fieldset className="sar-choice">
          <legend className="field-label">{t.reviews.decision}</legend>
          {(['include', 'withhold'] as const).map((value) => (
            <label key={value} className="sar-radio">
              <input
                type="radio"
                className="sar-radio-input"
                name={`decision-${radioName}`}
                value={value}
                checked={choice === value}
                onChange={() => setChoice(value)}
              />
              <span>{value === 'include' ? t.reviews.include : t.reviews.withhold}</span>
            </label>
          ))}
        </fieldset>
        <TextAreaField
          label={t.reviews.reason}
          name="reason"
          value={reason}
          onChange={setReason}
          description={t.reviews.reasonHint}
          isRequired
          maxLength={5000}
        />
        <FormStatus
          pending={decide.isPending}
          error={decide.error}
          success={decide.isSuccess ? t.reviews.saved : null}
        />
        <div className="button-row">
          <ActionButton
            type="submit"
            className="button button-primary"
            isPending={decide.isPending}
            isDisabled={!choice}
          >
            {t.reviews.save}
          </ActionButton>
        </div>
      </Form>
    </article>
  );
}
