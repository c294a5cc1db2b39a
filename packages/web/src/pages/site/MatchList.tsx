import { useState } from 'react';
import { Link } from 'react-router';
import { SlotPicker } from './SlotPicker';
import { intakeStrings } from './intake-strings';
import type { Match } from './intake-types';

const s = intakeStrings.page;

/**
 * The therapists ranked for the person, best fits first, each with what fits and what does not (in
 * words, marked by more than colour), a link to their profile, and their free times on request.
 */
export function MatchList({
  token,
  slug,
  matches,
  canRequest,
}: {
  token: string;
  slug: string;
  matches: Match[];
  canRequest: boolean;
}) {
  const [open, setOpen] = useState<string | null>(null);
  return (
    <section aria-labelledby="enquiry-matches-heading">
      <h2 id="enquiry-matches-heading">{s.matchesHeading}</h2>
      {matches.length === 0 ? <p>{s.noMatches}</p> : <p>{s.matchesLead}</p>}
      <ol className="matches">
        {matches.map((match) => (
          <li key={match.id} className="match-card">
            <h3>{match.name}</h3>
            <ul className="match-reasons">
              {match.reasons.map((reason) => (
                <li key={reason.text} className={reason.fits ? 'match-fits' : 'match-misfit'}>
                  <span className="match-mark" aria-hidden="true">
                    {reason.fits ? '✓' : '–'}
                  </span>
                  <span className="visually-hidden">{reason.fits ? s.fits : s.doesNotFit}: </span>
                  {reason.text}
                </li>
              ))}
            </ul>
            <p>
              <Link to={`/p/${slug}/therapists/${match.id}`}>{s.profile(match.name)}</Link>
            </p>
            {canRequest ? (
              <>
                <button
                  type="button"
                  className="button button-secondary"
                  aria-expanded={open === match.id}
                  aria-controls={`times-${match.id}`}
                  onClick={() => setOpen(open === match.id ? null : match.id)}
                >
                  {s.showTimes(match.name)}
                </button>
                <div id={`times-${match.id}`}>
                  {open === match.id ? <SlotPicker token={token} therapistId={match.id} name={match.name} /> : null}
                </div>
              </>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
