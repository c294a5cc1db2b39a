import type { DreamDetails, Entry } from '../../api/journal-types';
import { journalStrings as s } from './journal-strings';

/**
 * The person's own words, shown exactly as written: as text (never as HTML, so pasted markup is
 * shown, not run), line breaks kept, and each block's direction taken from its own first letters so
 * right-to-left writing reads right.
 */
export function Words({ text, className }: { text: string; className?: string }) {
  return (
    <div className={className ? `journal-text ${className}` : 'journal-text'} dir="auto">
      {text}
    </div>
  );
}

function Feelings({ feelings }: { feelings: DreamDetails['feelings'] }) {
  return (
    <ul className="journal-feelings">
      {feelings.map((feeling, index) => (
        <li key={`${feeling.name}-${index}`} dir="auto">
          {s.entry.details.feeling(feeling.name, s.entry.details.intensity[feeling.intensity] ?? '')}
        </li>
      ))}
    </ul>
  );
}

const TEXT_FIELDS = ['setting', 'people', 'dayBefore', 'associations'] as const;

/** A dream's details: where, who, the feelings on waking, the day before, associations. */
export function DreamDetailsView({ details, headingLevel = 2 }: { details: DreamDetails; headingLevel?: 2 | 4 }) {
  const filled = TEXT_FIELDS.filter((field) => details[field].trim() !== '');
  if (filled.length === 0 && details.feelings.length === 0) return null;
  const Heading = headingLevel === 2 ? 'h2' : 'h4';
  return (
    <section className="journal-details">
      <Heading>{s.entry.details.heading}</Heading>
      <dl className="journal-details-list">
        {(['setting', 'people'] as const)
          .filter((field) => filled.includes(field))
          .map((field) => (
            <div key={field}>
              <dt>{s.entry.details[field]}</dt>
              <dd>
                <Words text={details[field]} />
              </dd>
            </div>
          ))}
        {details.feelings.length > 0 ? (
          <div>
            <dt>{s.entry.details.feelings}</dt>
            <dd>
              <Feelings feelings={details.feelings} />
            </dd>
          </div>
        ) : null}
        {(['dayBefore', 'associations'] as const)
          .filter((field) => filled.includes(field))
          .map((field) => (
            <div key={field}>
              <dt>{s.entry.details[field]}</dt>
              <dd>
                <Words text={details[field]} />
              </dd>
            </div>
          ))}
      </dl>
    </section>
  );
}

/** The entry's body, or a quiet note when there is none yet. */
export function EntryBody({ entry }: { entry: Pick<Entry, 'body'> }) {
  if (entry.body.trim() === '') return <p className="muted">{s.entry.empty}</p>;
  return <Words text={entry.body} className="journal-body" />;
}
