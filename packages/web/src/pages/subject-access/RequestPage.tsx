import { Link, useParams } from 'react-router';
import { ActionButton } from '../../components/ActionButton';
import { FormStatus } from '../../components/FormStatus';
import { Page } from '../../components/Page';
import { QueryStatus } from '../../components/States';
import { formatDateTime } from '../../lib/format';
import { DeadlineBadge, StatusBadge } from './DeadlineBadge';
import { CloseForm, DeliveryForm, ExtendForm } from './RequestForms';
import { packUrl, usePreparePack, useRequest, useUpdateRequest } from './subject-access-api';
import { formatDay } from './subject-access-format';
import { sarStrings as t } from './subject-access-strings';
import type { SarDetail } from './subject-access-types';

const OPEN = new Set(['received', 'in_preparation', 'pack_ready']);

/** “6 December 2026 (Photo identification)”, either part alone, or “Not checked yet”. */
function identityLine(r: SarDetail): string {
  const how = r.identityMethod ? t.identity[r.identityMethod] : null;
  if (r.identityCheckedOn && how) return `${formatDay(r.identityCheckedOn)} (${how})`;
  if (r.identityCheckedOn) return formatDay(r.identityCheckedOn);
  return how ?? t.request.identityNot;
}

/** /admin/subject-access/:id — one request: facts, deadline, process-note decisions as counts, packs, delivery. */
export function RequestPage() {
  const id = useParams().id ?? '';
  const request = useRequest(id);
  const back = (
    <Link className="button button-secondary" to="/admin/subject-access">
      {t.request.back}
    </Link>
  );
  const r = request.data;
  return (
    <Page title={r ? t.request.title(r.client.displayName) : t.list.title} actions={back}>
      <QueryStatus query={request} />
      {r ? <RequestView r={r} /> : null}
    </Page>
  );
}

function RequestView({ r }: { r: SarDetail }) {
  const open = OPEN.has(r.status);
  const update = useUpdateRequest(r.id);
  const prepare = usePreparePack(r.id);
  return (
    <div className="stack">
      <section className="card stack-small" aria-labelledby="sar-deadline">
        <h2 id="sar-deadline">{t.request.deadline}</h2>
        <div className="sar-badges">
          <StatusBadge status={r.status} />
          <DeadlineBadge request={r} />
        </div>
        <dl className="sar-facts">
          <div>
            <dt>{t.request.due}</dt>
            <dd>{formatDay(r.dueOn)}</dd>
          </div>
          {r.extension ? (
            <>
              <div>
                <dt>{t.request.originalDue}</dt>
                <dd>{formatDay(r.originalDueOn)}</dd>
              </div>
              <div>
                <dt>{t.request.extendedBecause}</dt>
                <dd className="sar-text">{r.extension.reason}</dd>
              </div>
              <div>
                <dt>{t.request.clientTold}</dt>
                <dd>{formatDay(r.extension.clientToldOn)}</dd>
              </div>
            </>
          ) : null}
          {r.closedReason ? (
            <div>
              <dt>{t.request.closedBecause}</dt>
              <dd className="sar-text">{r.closedReason}</dd>
            </div>
          ) : null}
        </dl>
        {r.status === 'received' ? (
          <div className="button-row">
            <ActionButton
              className="button button-secondary"
              isPending={update.isPending}
              onPress={() => update.mutate({ status: 'in_preparation' })}
            >
              {t.request.startPreparing}
            </ActionButton>
          </div>
        ) : null}
        <FormStatus pending={update.isPending} error={update.error} />
      </section>

      <section className="card stack-small" aria-labelledby="sar-facts">
        <h2 id="sar-facts">{t.request.facts}</h2>
        <dl className="sar-facts">
          <div>
            <dt>{t.request.received}</dt>
            <dd>{formatDay(r.receivedOn)}</dd>
          </div>
          <div>
            <dt>{t.request.channel}</dt>
            <dd>{t.channel[r.channel]}</dd>
          </div>
          <div>
            <dt>{t.request.requester}</dt>
            <dd>{t.requester[r.requester]}</dd>
          </div>
          {r.representative ? (
            <div>
              <dt>{t.request.representative}</dt>
              <dd className="sar-text">{r.representative}</dd>
            </div>
          ) : null}
          <div>
            <dt>{t.request.identity}</dt>
            <dd>{identityLine(r)}</dd>
          </div>
          <div>
            <dt>{t.request.notes}</dt>
            <dd className="sar-text">{r.notes || t.request.none}</dd>
          </div>
        </dl>
      </section>

      <section className="card stack-small" aria-labelledby="sar-process">
        <h2 id="sar-process">{t.request.processHeading}</h2>
        <p className="field-hint">{t.request.processLead}</p>
        {r.processNotes.length === 0 ? (
          <p>{t.request.processNone}</p>
        ) : (
          <ul className="sar-counts">
            {r.processNotes.map((a) => (
              <li key={a.author.id}>
                {`${t.request.processCount(a.total, a.author.displayName)}: `}
                <strong>{t.request.processDecided(a.decided, a.total, a.included)}</strong>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="card stack-small" aria-labelledby="sar-pack">
        <h2 id="sar-pack">{t.request.packHeading}</h2>
        <p className="field-hint">{t.request.packLead}</p>
        {open ? (
          <div className="button-row">
            <ActionButton
              className="button button-primary"
              isPending={prepare.isPending}
              onPress={() => prepare.mutate({})}
            >
              {r.packs.length === 0 ? t.request.prepare : t.request.prepareAgain}
            </ActionButton>
          </div>
        ) : null}
        <FormStatus
          pending={prepare.isPending}
          pendingText={t.request.preparing}
          error={prepare.error}
          success={prepare.isSuccess ? t.request.prepared : null}
        />
        {r.packs.length === 0 ? (
          <p>{t.request.noPacks}</p>
        ) : (
          <ul className="sar-packs">
            {r.packs.map((p) => (
              <li key={p.id} className="sar-pack">
                <h3>{t.request.packVersion(p.version)}</h3>
                <p className="field-hint">
                  {t.request.packMeta(formatDateTime(p.preparedAt), p.preparedBy.displayName, p.includedProcessNotes)}
                </p>
                <p className="field-hint sar-hash">SHA-256 {p.sha256}</p>
                <div className="button-row">
                  <a
                    className="button button-secondary"
                    href={packUrl(p.id, 'pdf')}
                    download
                    aria-label={t.request.downloadPdf(p.version)}
                  >
                    {t.request.pdf}
                  </a>
                  <a
                    className="button button-secondary"
                    href={packUrl(p.id, 'json')}
                    download
                    aria-label={t.request.downloadJson(p.version)}
                  >
                    {t.request.json}
                  </a>
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>

      {r.deliveries.length > 0 ? (
        <section className="card stack-small" aria-labelledby="sar-deliveries">
          <h2 id="sar-deliveries">{t.request.deliveries}</h2>
          <ul>
            {r.deliveries.map((d) => (
              <li key={d.id}>
                {t.request.deliveryLine(
                  d.packVersion,
                  t.delivery[d.method] ?? d.method,
                  formatDay(d.deliveredOn),
                  d.recordedBy.displayName,
                )}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {open && r.packs.length > 0 ? <DeliveryForm r={r} /> : null}
      {open ? <ExtendForm r={r} /> : null}
      {open ? <CloseForm r={r} /> : null}
    </div>
  );
}
