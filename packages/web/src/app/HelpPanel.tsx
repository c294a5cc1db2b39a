import { Button } from 'react-aria-components';
import { Link } from 'react-router';
import { useCrisisResources } from '../api/queries';
import { dismissHelp, useHelpSignal } from '../lib/help-signal';
import { safeguardingShellStrings as s } from './safeguarding-shell-strings';

/**
 * Shown at once on the client's page when something they saved matched a safeguarding trigger:
 * who to call or text now (the practice region's lines), whether their therapist was told, and —
 * for a private entry — an invitation to tell them. Calm words; it does not take the focus from
 * someone still writing, but is announced politely.
 */
export function HelpPanel() {
  const signal = useHelpSignal();
  const resources = useCrisisResources();
  return (
    <div aria-live="polite">
      {signal ? (
        <section className="help-panel" aria-labelledby="help-panel-heading">
          <h2 id="help-panel-heading">{s.panel.heading}</h2>
          <p>{s.panel.lead}</p>
          {resources.data ? (
            <ul className="help-panel-lines">
              {[resources.data.emergency, ...resources.data.resources].map((r) => (
                <li key={r.name}>
                  {r.href ? (
                    <a href={r.href}>
                      <strong>{r.name}</strong>
                    </a>
                  ) : (
                    <strong>{r.name}</strong>
                  )}
                  : {r.action}
                </li>
              ))}
            </ul>
          ) : null}
          <p>{signal.therapistAlerted ? s.panel.therapistTold : null}</p>
          {signal.inviteToTell && !signal.therapistAlerted ? <p>{s.panel.inviteToTell}</p> : null}
          <p className="help-panel-links">
            <Link to="/help">{s.panel.more}</Link>
            <Link to="/my/safety-plan">{s.panel.safetyPlan}</Link>
            <Button className="button button-quiet" onPress={dismissHelp}>
              {s.panel.close}
            </Button>
          </p>
        </section>
      ) : null}
    </div>
  );
}
