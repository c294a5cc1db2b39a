import { Link, useParams } from 'react-router';
import { Page } from '../../components/Page';
import { QueryStatus } from '../../components/States';
import { formatDateTime } from '../../lib/format';
import { DecisionForm } from './DecisionForm';
import { useRiskRecord } from './safeguarding-api';
import { sgStrings } from './safeguarding-strings';
import type { RiskRecord } from './safeguarding-types';

const s = sgStrings.record;
const a = sgStrings.alerts;

function policyLine(p: RiskRecord['policyAgreement']): string {
  if (p.agreedVersion === null || p.agreedAt === null) return s.policyNever(p.currentVersion);
  if (p.agreedToCurrent) return s.policyAgreed(p.agreedVersion, formatDateTime(p.agreedAt));
  return s.policyOlder(p.agreedVersion, formatDateTime(p.agreedAt), p.currentVersion);
}

/** A client's risk record for the therapist (and the clinical lead of an escalated alert). */
export function RiskRecordPage() {
  const clientId = useParams().clientId ?? '';
  const record = useRiskRecord(clientId);
  const data = record.data;
  return (
    <Page
      title={data ? s.title(data.client.name) : s.title('…')}
      lead={s.lead}
      actions={<Link to={`/clients/${clientId}/safety-plan`}>{s.safetyPlan}</Link>}
    >
      <QueryStatus query={record} />
      {data ? (
        <>
          <section aria-labelledby="sg-record-policy">
            <h2 id="sg-record-policy">{s.policyHeading}</h2>
            <p>{policyLine(data.policyAgreement)}</p>
          </section>
          <section aria-labelledby="sg-record-alerts">
            <h2 id="sg-record-alerts">{s.alertsHeading}</h2>
            <ul className="sg-alerts">
              {data.alerts.map((alert) => (
                <li key={alert.id} className="sg-alert">
                  <p>
                    {a.trigger[alert.trigger] ?? alert.trigger}: {a.reason[alert.reason] ?? alert.reason}
                  </p>
                  <p className="sg-alert-meta">
                    {a.raised(formatDateTime(alert.raisedAt))} ·{' '}
                    {alert.acknowledgedAt && alert.acknowledgedBy
                      ? a.acknowledged(alert.acknowledgedBy, formatDateTime(alert.acknowledgedAt))
                      : a.open}
                  </p>
                </li>
              ))}
            </ul>
          </section>
          <DecisionForm clientId={clientId} alerts={data.alerts} />
          <section aria-labelledby="sg-record-decisions">
            <h2 id="sg-record-decisions">{s.decisionsHeading}</h2>
            {data.decisions.length === 0 ? <p>{s.noDecisions}</p> : null}
            <ul className="sg-decisions">
              {data.decisions.map((d) => (
                <li key={d.id} className="sg-decision">
                  <p className="sg-alert-meta">{s.decidedBy(d.decidedBy, formatDateTime(d.decidedAt))}</p>
                  <dl>
                    <dt>{s.decision}</dt>
                    <dd>{d.decision}</dd>
                    <dt>{s.reasons}</dt>
                    <dd>{d.reasons}</dd>
                    {d.whoWasTold ? (
                      <>
                        <dt>{s.toldLabel}</dt>
                        <dd>{d.whoWasTold}</dd>
                      </>
                    ) : null}
                    <dt>{s.informedLabel}</dt>
                    <dd>
                      {s.informed[d.clientInformed]}
                      {d.clientInformedHow ? ` — ${d.clientInformedHow}` : ''}
                    </dd>
                  </dl>
                </li>
              ))}
            </ul>
          </section>
        </>
      ) : null}
    </Page>
  );
}
