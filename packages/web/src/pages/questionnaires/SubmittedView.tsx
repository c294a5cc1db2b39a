import { Link } from 'react-router';
import { CrisisResourceList } from '../public/HelpPage';
import { questionnairesStrings as s } from './questionnaires-strings';

/**
 * After sending: thanks, and — when the answers raised the safeguarding flag (PHQ-9 item 9 above 0,
 * or declined) — who to contact now, at once and in calm words, with the note that the therapist will
 * see the answers. If the list cannot load, the UK emergency numbers still show.
 */
export function SubmittedView({ showCrisisResources }: { showCrisisResources: boolean }) {
  return (
    <div className="stack">
      <p role="status">{s.done.sent}</p>
      {showCrisisResources ? (
        <section aria-labelledby="crisis-heading" className="notice questionnaire-crisis stack-small">
          <h2 id="crisis-heading">{s.done.crisisHeading}</h2>
          <p>{s.done.crisisLead}</p>
          <CrisisResourceList loadingLabel={s.done.loading} />
          <p>{s.done.therapistSees}</p>
          <p>
            <Link to="/help">{s.done.moreHelp}</Link>
          </p>
        </section>
      ) : (
        <p>{s.done.therapistSees}</p>
      )}
      <p>
        <Link to="/questionnaires">{s.complete.backToList}</Link>
      </p>
    </div>
  );
}
