import { Link } from 'react-router';
import { useCrisisResources } from '../../api/queries';
import { Loading } from '../../components/States';
import { strings } from '../../strings';
import { ResourceCard } from '../public/HelpPage';
import { questionnairesStrings as s } from './questionnaires-strings';

/**
 * After sending: thanks, and — when the answers raised the safeguarding flag (PHQ-9 item 9 above 0,
 * or declined) — who to contact now, at once and in calm words, with the note that the therapist will
 * see the answers. If the list cannot load, the UK emergency numbers still show.
 */
export function SubmittedView({ showCrisisResources }: { showCrisisResources: boolean }) {
  const resources = useCrisisResources();
  return (
    <div className="stack">
      <p role="status">{s.done.sent}</p>
      {showCrisisResources ? (
        <section aria-labelledby="crisis-heading" className="notice questionnaire-crisis stack-small">
          <h2 id="crisis-heading">{s.done.crisisHeading}</h2>
          <p>{s.done.crisisLead}</p>
          {resources.isPending ? <Loading label={s.done.loading} /> : null}
          <ul className="crisis-list">
            {resources.data ? (
              <>
                <ResourceCard resource={resources.data.emergency} emphasis />
                {resources.data.resources.map((r) => (
                  <ResourceCard key={r.name} resource={r} />
                ))}
              </>
            ) : null}
            {resources.isError ? (
              <>
                <ResourceCard resource={{ ...strings.help.fallbackEmergency, availability: '' }} emphasis />
                <ResourceCard resource={{ ...strings.help.fallbackSamaritans, availability: '' }} />
              </>
            ) : null}
          </ul>
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
