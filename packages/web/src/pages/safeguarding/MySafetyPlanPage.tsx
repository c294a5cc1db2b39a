import { Link } from 'react-router';
import { Page } from '../../components/Page';
import { QueryStatus } from '../../components/States';
import { formatDateTime } from '../../lib/format';
import { useMySafetyPlan } from './safeguarding-api';
import { SECTION_KEYS, sgStrings } from './safeguarding-strings';

const s = sgStrings.plan;

/** The client's own safety plan: one tap from every page (the shell's "My safety plan"). */
export function MySafetyPlanPage() {
  const mine = useMySafetyPlan();
  const plan = mine.data?.plan;
  return (
    <Page title={s.myTitle} lead={s.myLead} actions={<Link to="/help">{s.getHelp}</Link>} narrow>
      <QueryStatus query={mine} />
      {mine.data && !plan ? <p>{s.none}</p> : null}
      {plan && mine.data ? (
        <>
          {SECTION_KEYS.map((key) => (
            <section key={key} className="sg-plan-section" aria-labelledby={`plan-${key}`}>
              <h2 id={`plan-${key}`}>{s.sections[key]}</h2>
              <p className="sg-plan-text">{plan[key].trim() || s.empty}</p>
            </section>
          ))}
          {mine.data.writtenAt && mine.data.writtenBy ? (
            <p className="sg-alert-meta">
              {s.version(mine.data.version, mine.data.writtenBy, formatDateTime(mine.data.writtenAt))}
            </p>
          ) : null}
        </>
      ) : null}
    </Page>
  );
}
