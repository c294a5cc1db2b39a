import { Link, useParams } from 'react-router';
import { useCrisisResources } from '../../api/queries';
import { strings } from '../../strings';

/** Crisis lines shown in place, at once (the same list as /help; the UK numbers if it cannot load). */
export function CrisisResourcesPanel({ headingId, heading }: { headingId: string; heading: string }) {
  const { slug } = useParams();
  const resources = useCrisisResources(slug);
  const list = resources.data
    ? [resources.data.emergency, ...resources.data.resources]
    : [
        { ...strings.help.fallbackEmergency, availability: '' },
        { ...strings.help.fallbackSamaritans, availability: '' },
      ];
  return (
    <section className="crisis-now" aria-labelledby={headingId}>
      <h2 id={headingId}>{heading}</h2>
      <ul className="crisis-now-list">
        {list.map((resource) => (
          <li key={resource.name}>
            <strong>{resource.name}</strong>: {resource.action}
            {resource.href ? (
              <>
                {' '}
                <a href={resource.href}>
                  {resource.href.startsWith('sms:')
                    ? strings.help.text(resource.name)
                    : resource.href.startsWith('tel:')
                      ? strings.help.call(resource.name)
                      : strings.help.visit(resource.name)}
                </a>
              </>
            ) : null}
          </li>
        ))}
      </ul>
      <p>
        <Link to="/help">{strings.help.title}</Link>
      </p>
    </section>
  );
}
