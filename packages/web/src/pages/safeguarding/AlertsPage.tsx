import { Link } from 'react-router';
import { ActionButton } from '../../components/ActionButton';
import { FormStatus } from '../../components/FormStatus';
import { Page } from '../../components/Page';
import { Empty, QueryStatus } from '../../components/States';
import { formatDateTime } from '../../lib/format';
import { useAcknowledge, useAlerts } from './safeguarding-api';
import { sgStrings } from './safeguarding-strings';
import type { Alert } from './safeguarding-types';

const s = sgStrings.alerts;

function AlertItem({ alert }: { alert: Alert }) {
  const acknowledge = useAcknowledge();
  return (
    <li className="sg-alert" data-open={alert.acknowledgedAt === null}>
      <h2 className="sg-alert-client">{alert.client.name}</h2>
      <p>
        {s.trigger[alert.trigger] ?? alert.trigger}: {s.reason[alert.reason] ?? alert.reason}
      </p>
      <p className="sg-alert-meta">{s.raised(formatDateTime(alert.raisedAt))}</p>
      {alert.escalatedAt && alert.escalatedTo ? (
        <p className="sg-alert-meta">
          {alert.asClinicalLead ? s.asLead : s.escalated(alert.escalatedTo, formatDateTime(alert.escalatedAt))}
        </p>
      ) : null}
      <p className="sg-alert-meta">
        {alert.acknowledgedAt && alert.acknowledgedBy
          ? s.acknowledged(alert.acknowledgedBy, formatDateTime(alert.acknowledgedAt))
          : s.open}
      </p>
      <div className="sg-alert-actions">
        {alert.acknowledgedAt === null ? (
          <ActionButton
            className="button button-primary"
            aria-label={s.acknowledge(alert.client.name)}
            isPending={acknowledge.isPending}
            onPress={() => acknowledge.mutate(alert.id)}
          >
            {s.acknowledgeShort}
          </ActionButton>
        ) : null}
        <Link to={`/clients/${alert.client.id}/risk`}>{s.riskRecord(alert.client.name)}</Link>
      </div>
      <FormStatus pending={acknowledge.isPending} error={acknowledge.error} />
    </li>
  );
}

/** The clinician's safeguarding alerts, open ones first: acknowledge, then act in the risk record. */
export function AlertsPage() {
  const alerts = useAlerts();
  return (
    <Page title={s.title} lead={s.lead}>
      <QueryStatus query={alerts} />
      {alerts.data && alerts.data.alerts.length === 0 ? <Empty>{s.none}</Empty> : null}
      {alerts.data && alerts.data.alerts.length > 0 ? (
        <ul className="sg-alerts">
          {alerts.data.alerts.map((alert) => (
            <AlertItem key={alert.id} alert={alert} />
          ))}
        </ul>
      ) : null}
    </Page>
  );
}
