import type { LedgerEntry } from '../../api/frame-types';
import { Page } from '../../components/Page';
import { Empty, QueryStatus } from '../../components/States';
import { formatDate, isoOf } from '../../lib/format';
import { formatDayLong, formatMoney, readerZone } from '../../lib/frame-format';
import { useMyFrame } from './portal-api';
import { portalStrings as s } from './portal-strings';

function EntryRow({ entry, zone }: { entry: LedgerEntry; zone: string }) {
  return (
    <tr>
      <td data-label={s.charges.date}>
        <time dateTime={isoOf(entry.createdAt)}>{formatDate(entry.createdAt)}</time>
      </td>
      <td data-label={s.charges.session}>
        {entry.appointmentStartsAt ? (
          <time dateTime={isoOf(entry.appointmentStartsAt)}>{formatDayLong(entry.appointmentStartsAt, zone)}</time>
        ) : (
          s.charges.noSession
        )}
      </td>
      <td data-label={s.charges.description}>{entry.description || s.charges.kind[entry.kind]}</td>
      <td data-label={s.charges.amount}>{formatMoney(entry.amountPence, entry.currency)}</td>
    </tr>
  );
}

/** The client's ledger: every charge and correction in plain words, and the balance. */
export function ChargesPage() {
  const frame = useMyFrame();
  const ledger = frame.data?.ledger;
  const zone = readerZone(frame.data?.timeZone);
  const entries = [...(ledger?.entries ?? [])].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return (
    <Page title={s.charges.title} lead={s.charges.lead}>
      <QueryStatus query={frame} />
      {ledger ? (
        <div className="stack">
          <section className="card" aria-labelledby="portal-balance">
            <h2 id="portal-balance">{s.charges.balance}</h2>
            <p className="lead">
              <strong>{formatMoney(ledger.balancePence, ledger.currency)}</strong>
            </p>
            <p className="muted">{s.charges.balanceNote}</p>
          </section>
          {entries.length === 0 ? (
            <Empty>{s.charges.none}</Empty>
          ) : (
            <table className="table table-stack">
              <caption className="visually-hidden">{s.charges.tableCaption}</caption>
              <thead>
                <tr>
                  <th scope="col">{s.charges.date}</th>
                  <th scope="col">{s.charges.session}</th>
                  <th scope="col">{s.charges.description}</th>
                  <th scope="col">{s.charges.amount}</th>
                </tr>
              </thead>
              <tbody>
                {entries.map((entry) => (
                  <EntryRow key={entry.id} entry={entry} zone={zone} />
                ))}
              </tbody>
            </table>
          )}
        </div>
      ) : null}
    </Page>
  );
}
