import { useId, useState } from 'react';
import type { EntrySummary } from '../../../api/journal-types';
import { formatDayLong, formatIsoDate, readerZone } from '../../../lib/frame-format';
import { writeStrings as s } from '../write-strings';
import { codePointLength } from './entry-length';
import { useMyDreams } from './write-api';

/** The server links at most this many earlier dreams. */
const MAX_RECURS = 50;
const EXCERPT = 90;

function dreamLabel(dream: EntrySummary): string {
  const date = dream.dreamtOn ? formatIsoDate(dream.dreamtOn) : formatDayLong(dream.createdAt, readerZone());
  return s.dream.dreamDated(date);
}

function excerptOf(dream: EntrySummary): string {
  const text = dream.excerpt.replace(/\s+/gu, ' ').trim();
  if (!text) return s.dream.untitledDream;
  return codePointLength(text) > EXCERPT ? `${[...text].slice(0, EXCERPT).join('')}…` : text;
}

interface RecurringDreamsFieldProps {
  /** This dream's own ids (itself, and a conflict copy it became): never offered. */
  ownIds: string[];
  value: string[];
  onChange: (ids: string[]) => void;
}

/** Earlier dreams this one recurs from, chosen from the client's own dreams. */
export function RecurringDreamsField({ ownIds, value, onChange }: RecurringDreamsFieldProps) {
  const id = useId();
  const dreams = useMyDreams();
  const earlier = (dreams.data?.entries ?? []).filter((d) => d.kind === 'dream' && !ownIds.includes(d.id));
  const chosen = new Set(value);
  const full = value.length >= MAX_RECURS;
  // Open at first when some are chosen; after that it is the person's to open and close.
  const [openAtFirst] = useState(value.length > 0);

  return (
    <fieldset className="fieldset jw-recurring" aria-describedby={`${id}-hint`}>
      <legend className="field-label">{s.dream.recurring}</legend>
      <p className="field-hint" id={`${id}-hint`}>
        {s.dream.recurringHint}
      </p>
      {dreams.isError ? <p className="field-hint">{s.dream.dreamsUnavailable}</p> : null}
      {dreams.isSuccess && earlier.length === 0 ? <p className="muted">{s.dream.noEarlierDreams}</p> : null}
      {earlier.length > 0 ? (
        <details className="jw-disclosure" open={openAtFirst || undefined}>
          <summary className="jw-disclosure-summary">{s.dream.recurringSummary(value.length)}</summary>
          <ul className="jw-dream-list">
            {earlier.map((dream) => (
              <li key={dream.id}>
                <label className="jw-check jw-check-top">
                  <input
                    type="checkbox"
                    checked={chosen.has(dream.id)}
                    disabled={!chosen.has(dream.id) && full}
                    onChange={(event) =>
                      onChange(
                        event.target.checked ? [...value, dream.id] : value.filter((other) => other !== dream.id),
                      )
                    }
                  />
                  <span>
                    <strong className="jw-dream-date">{dreamLabel(dream)}</strong>
                    <span className="jw-dream-excerpt">{excerptOf(dream)}</span>
                  </span>
                </label>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </fieldset>
  );
}
