import { Button } from 'react-aria-components';
import { Link } from 'react-router';
import { Page } from '../components/Page';
import { LoadError } from '../components/States';
import { CrisisResourceList } from '../pages/public/HelpPage';
import { strings } from '../strings';
import { useAgreeToPolicy, type MyPolicy } from './policy-api';
import { policyStrings as s } from './policy-strings';

/**
 * The step every client passes before their pages (after accepting an invitation, and again when
 * the practice publishes a new version): the written policy, what happens when they write something
 * worrying, the crisis lines (never behind the agreement), and "I have read and agree".
 */
export function PolicyStep({ policy }: { policy: MyPolicy }) {
  const agree = useAgreeToPolicy();
  const w = s.worrying;
  return (
    <Page title={s.title} lead={s.lead} narrow>
      {policy.agreedVersion !== null ? <p className="notice notice-info">{s.updated(policy.policyVersion)}</p> : null}
      <section aria-labelledby="policy-text-heading" className="policy-step-text">
        <h2 id="policy-text-heading">{s.policyHeading}</h2>
        <p className="sg-alert-meta">{s.version(policy.policyVersion)}</p>
        {policy.policyText
          .split(/\n\s*\n/)
          .map((paragraph) => paragraph.trim())
          .filter((paragraph) => paragraph !== '')
          .map((paragraph, index) => (
            <p key={index}>{paragraph}</p>
          ))}
      </section>
      <section aria-labelledby="policy-worrying-heading">
        <h2 id="policy-worrying-heading">{s.worryingHeading}</h2>
        <ul>
          <li>{w.helpAtOnce}</li>
          <li>{w.sharedOrQuestionnaire}</li>
          <li>{policy.privateEntryAlerts === 'always' ? w.privateAlways : w.privateNever}</li>
          <li>{w.escalation(s.hours(policy.escalateAfterMinutes))}</li>
        </ul>
      </section>
      <section aria-labelledby="policy-crisis-heading" className="notice policy-step-crisis">
        <h2 id="policy-crisis-heading">{s.crisisHeading}</h2>
        <p>{s.crisisLead}</p>
        <CrisisResourceList loadingLabel={strings.help.loading} />
        <p>
          <Link to="/my/safety-plan">{s.safetyPlan}</Link>
        </p>
      </section>
      {agree.isError ? <LoadError error={agree.error} /> : null}
      <p>
        <Button
          className="button button-primary"
          isDisabled={agree.isPending}
          onPress={() => agree.mutate(policy.policyVersion)}
        >
          {agree.isPending ? s.agreeing : s.agree}
        </Button>
      </p>
    </Page>
  );
}
