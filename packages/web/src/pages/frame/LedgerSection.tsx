import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useAddAdjustment, useLedger, useWaiveCharge } from '../../api/frame';
import type { LedgerEntry } from '../../api/frame-types';
import { ActionButton } from '../../components/ActionButton';
import { FormStatus } from '../../components/FormStatus';
import { Empty, QueryStatus } from '../../components/States';
import { formatDayShort, formatMoney, formatTime } from '../../lib/frame-format';
import { formatDate } from '../../lib/format';
import { ChoiceField, InputField, TextAreaField, useChecks, type Errors } from './fields';
import { FormDialog } from './FormDialog';
import { frameStrings as t } from './frame-strings';
import { parsePounds } from './frame-words';
import { useFocusRescue } from '../../components/use-focus-rescue';
import { waivableIds } from './ledger-rules';

function WaiveDialog({ entry, onDone }: { entry: LedgerEntry; onDone: (message: string) => void }) {
  const [reason, setReason] = useState('');
  const waive = useWaiveCharge(entry.id);
  const amount = formatMoney(entry.amountPence, entry.currency);
  const { errors, form, submit, reset } = useChecks(
    reason,
    (r): Errors => (r.trim() ? {} : { reason: t.ledger.waiveReasonEmpty }),
    { error: waive.error },
  );
  return (
    <FormDialog
      trigger={
        <Button className="button button-quiet" aria-label={t.ledger.waiveLabel(`${entry.description}, ${amount}`)}>
          {t.ledger.waive}
        </Button>
      }
      title={t.ledger.waiveTitle(amount)}
      submitLabel={t.ledger.waive}
      pending={waive.isPending}
      error={waive.error}
      formRef={form}
      onOpenChange={(open) => {
        if (!open) return;
        setReason('');
        reset();
        waive.reset();
      }}
      onSubmit={(event, close) =>
        submit(event, () =>
          waive.mutate(
            { reason: reason.trim() },
            {
              onSuccess: () => {
                close();
                onDone(t.ledger.waived);
              },
            },
          ),
        )
      }
    >
      <p>{t.ledger.waiveBody}</p>
      <TextAreaField
        label={t.ledger.waiveReason}
        name="reason"
        rows={3}
        value={reason}
        onChange={setReason}
        error={errors.reason}
      />
    </FormDialog>
  );
}

interface AdjustDraft {
  direction: 'charge' | 'credit';
  amount: string;
  description: string;
}

const EMPTY_ADJUSTMENT: AdjustDraft = { direction: 'charge', amount: '', description: '' };

function AdjustmentForm({ clientId, onDone }: { clientId: string; onDone: (message: string) => void }) {
  const [draft, setDraft] = useState<AdjustDraft>(EMPTY_ADJUSTMENT);
  const add = useAddAdjustment(clientId);
  const { errors, form, submit, reset } = useChecks(
    draft,
    (d): Errors => {
      const found: Errors = {};
      const amount = parsePounds(d.amount);
      if (!amount.ok) found.amount = amount.message;
      else if (amount.pence === 0) found.amount = t.money.zero;
      if (!d.description.trim()) found.description = t.ledger.adjustDescriptionEmpty;
      return found;
    },
    { error: add.error, rename: (field) => (field === 'amountPence' ? 'amount' : field) },
  );
  return (
    <details className="summary-details">
      <summary>{t.ledger.adjust}</summary>
      <form
        ref={form}
        className="form adjust-form"
        noValidate
        aria-label={t.ledger.adjust}
        onSubmit={(event) =>
          submit(event, () => {
            const parsed = parsePounds(draft.amount);
            const pence = parsed.ok ? parsed.pence : 0;
            add.mutate(
              { amountPence: draft.direction === 'credit' ? -pence : pence, description: draft.description.trim() },
              {
                onSuccess: () => {
                  setDraft(EMPTY_ADJUSTMENT);
                  reset();
                  onDone(t.ledger.adjusted);
                },
              },
            );
          })
        }
      >
        <div className="form-row">
          <ChoiceField
            label={t.ledger.adjustDirection}
            name="direction"
            value={draft.direction}
            onChange={(direction) => setDraft((d) => ({ ...d, direction }))}
            options={[
              { value: 'charge', label: t.ledger.adjustCharge },
              { value: 'credit', label: t.ledger.adjustCredit },
            ]}
          />
          <InputField
            label={t.ledger.adjustAmount}
            name="amount"
            inputMode="decimal"
            value={draft.amount}
            onChange={(amount) => setDraft((d) => ({ ...d, amount }))}
            error={errors.amount}
          />
        </div>
        <InputField
          label={t.ledger.adjustDescription}
          name="description"
          maxLength={300}
          value={draft.description}
          onChange={(description) => setDraft((d) => ({ ...d, description }))}
          error={errors.description}
        />
        <FormStatus pending={add.isPending} error={add.error} />
        <ActionButton type="submit" className="button button-secondary" isPending={add.isPending}>
          {t.ledger.adjustSubmit}
        </ActionButton>
      </form>
    </details>
  );
}

function balanceInWords(pence: number, currency: string): string {
  if (pence === 0) return t.ledger.settled;
  const amount = formatMoney(Math.abs(pence), currency);
  return pence > 0 ? t.ledger.owed(amount) : t.ledger.inCredit(amount);
}

/** The client's charges ledger: append-only, corrected by reversing entries; adjustments and waivers. */
export function LedgerSection({ clientId, timeZone }: { clientId: string; timeZone: string }) {
  const ledger = useLedger(clientId);
  const [message, setMessage] = useState<string | null>(null);
  const { target, rescue } = useFocusRescue<HTMLHeadingElement>();
  const changed = (m: string) => {
    setMessage(m);
    rescue();
  };
  const entries = [...(ledger.data?.entries ?? [])].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const waivable = waivableIds(entries);
  return (
    <section className="stack-small" aria-labelledby="ledger-heading">
      <div className="section-heading">
        <h2 id="ledger-heading" ref={target} tabIndex={-1}>
          {t.ledger.heading}
        </h2>
        {ledger.data ? (
          <p className="ledger-balance">
            <span className="muted">{t.ledger.balance}: </span>
            <strong>{balanceInWords(ledger.data.balancePence, ledger.data.currency)}</strong>
          </p>
        ) : null}
      </div>
      <FormStatus success={message} />
      <QueryStatus query={ledger} />
      {ledger.data && entries.length === 0 ? <Empty>{t.ledger.empty}</Empty> : null}
      {entries.length > 0 ? (
        <table className="table table-stack ledger-table">
          <caption className="visually-hidden">{t.ledger.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.ledger.when}</th>
              <th scope="col">{t.ledger.session}</th>
              <th scope="col">{t.ledger.what}</th>
              <th scope="col" className="amount">
                {t.ledger.amount}
              </th>
              <th scope="col">
                <span className="visually-hidden">{t.ledger.actions}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.id}>
                <td data-label={t.ledger.when}>{formatDate(entry.createdAt)}</td>
                <td data-label={t.ledger.session}>
                  {entry.appointmentStartsAt
                    ? `${formatDayShort(entry.appointmentStartsAt, timeZone)}, ${formatTime(entry.appointmentStartsAt, timeZone)}`
                    : t.ledger.noSession}
                </td>
                <td data-label={t.ledger.what}>
                  <span>
                    {entry.description}
                    <span className="muted"> · {t.ledgerKinds[entry.kind]}</span>
                  </span>
                </td>
                <td data-label={t.ledger.amount} className="amount">
                  {formatMoney(entry.amountPence, entry.currency)}
                </td>
                <td data-label={t.ledger.actions}>
                  {waivable.has(entry.id) ? <WaiveDialog entry={entry} onDone={changed} /> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {ledger.data ? <AdjustmentForm clientId={clientId} onDone={setMessage} /> : null}
    </section>
  );
}
