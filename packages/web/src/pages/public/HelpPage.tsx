import { Link } from 'react-router';
import { useCrisisResources, useMe } from '../../api/queries';
import type { CrisisResource } from '../../api/types';
import { Page } from '../../components/Page';
import { Loading } from '../../components/States';
import { strings } from '../../strings';

function actionLabel(resource: Pick<CrisisResource, 'name' | 'href'>): string | null {
  if (!resource.href) return null;
  if (resource.href.startsWith('tel:')) return strings.help.call(resource.name);
  if (resource.href.startsWith('sms:')) return strings.help.text(resource.name);
  if (resource.href.startsWith('https:') || resource.href.startsWith('http:')) return strings.help.visit(resource.name);
  return null;
}

export function ResourceCard({ resource, emphasis }: { resource: CrisisResource; emphasis?: boolean }) {
  const label = actionLabel(resource);
  return (
    <li className={emphasis ? 'crisis-card crisis-card-emergency' : 'crisis-card'}>
      <h3 className="crisis-name">{resource.name}</h3>
      <p className="crisis-action">{resource.action}</p>
      {resource.availability ? <p className="crisis-when">{resource.availability}</p> : null}
      {label && resource.href ? (
        <a
          className={emphasis ? 'button button-danger crisis-link' : 'button button-primary crisis-link'}
          href={resource.href}
        >
          {label}
        </a>
      ) : null}
    </li>
  );
}

/**
 * The emergency line and the practice's crisis lines as one list, with the loading state; if the list
 * cannot load, the UK emergency number and Samaritans still show.
 */
export function CrisisResourceList({ loadingLabel }: { loadingLabel: string }) {
  const resources = useCrisisResources();
  return (
    <>
      {resources.isPending ? <Loading label={loadingLabel} /> : null}
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
    </>
  );
}

/** Public, never behind a sign-in: who to call or text now. If the list cannot load, UK numbers still show. */
export function HelpPage() {
  const resources = useCrisisResources();
  const me = useMe();
  return (
    <Page title={strings.help.title} lead={strings.help.lead}>
      {resources.isPending ? <Loading label={strings.help.loading} /> : null}
      {resources.data ? (
        <>
          <section aria-labelledby="help-emergency">
            <h2 id="help-emergency">{strings.help.emergencyHeading}</h2>
            <ul className="crisis-list crisis-list-emergency">
              <ResourceCard resource={resources.data.emergency} emphasis />
            </ul>
          </section>
          {resources.data.resources.length > 0 ? (
            <section aria-labelledby="help-talk">
              <h2 id="help-talk">{strings.help.otherHeading}</h2>
              <ul className="crisis-list">
                {resources.data.resources.map((resource) => (
                  <ResourceCard key={resource.name} resource={resource} />
                ))}
              </ul>
            </section>
          ) : null}
        </>
      ) : null}
      {resources.isError ? (
        <section aria-labelledby="help-fallback">
          <h2 id="help-fallback">{strings.help.emergencyHeading}</h2>
          <p>{strings.help.fallbackNote}</p>
          <ul className="crisis-list">
            <ResourceCard resource={{ ...strings.help.fallbackEmergency, availability: '' }} emphasis />
            <ResourceCard resource={{ ...strings.help.fallbackSamaritans, availability: '' }} />
          </ul>
        </section>
      ) : null}
      <p className="help-note">{strings.help.therapistNote}</p>
      {!me.data ? (
        <p>
          <Link to="/sign-in">{strings.help.backToSignIn}</Link>
        </p>
      ) : null}
    </Page>
  );
}
