import { Link } from 'react-router';
import { Badge } from '../../components/Badge';
import { Page } from '../../components/Page';
import { QueryStatus } from '../../components/States';
import { formatDate } from '../../lib/format';
import { ImportForm } from './ImportForm';
import { useCatalogue } from './measures-api';
import { measuresStrings as t } from './measures-strings';
import type { InstrumentSummary } from './measures-types';

function CatalogueRow({ instrument }: { instrument: InstrumentSummary }) {
  return (
    <li className="item">
      <div className="item-main">
        <p className="item-title">
          {instrument.name} <span className="measure-title">— {instrument.title}</span>
        </p>
        <p className="record-badges">
          <Badge tone={instrument.source === 'builtin' ? 'neutral' : 'info'}>
            {instrument.source === 'builtin' ? t.catalogue.builtin : t.catalogue.practice(instrument.version)}
          </Badge>{' '}
          <span className="item-meta">{t.catalogue.items(instrument.itemCount)}</span>
        </p>
        <p className="measure-copyright">{instrument.copyright}</p>
        <p className="item-meta">{instrument.terms}</p>
        {instrument.importedBy ? (
          <p className="item-meta">
            {t.catalogue.importedBy(instrument.importedBy.displayName, formatDate(instrument.importedAt))}
          </p>
        ) : null}
      </div>
      <div className="item-actions">
        <Link
          className="button button-secondary"
          to={`/admin/instruments/${encodeURIComponent(instrument.instrumentId)}`}
          aria-label={t.catalogue.viewLabel(instrument.name)}
        >
          {t.catalogue.view}
        </Link>
      </div>
    </li>
  );
}

/** /admin/instruments — the catalogue with licences and copyright lines, and the import form. */
export function InstrumentsPage() {
  const catalogue = useCatalogue();
  return (
    <Page title={t.catalogue.title} lead={t.catalogue.lead}>
      <div className="stack">
        <ImportForm />
        <section className="stack-small" aria-labelledby="catalogue-heading">
          <h2 id="catalogue-heading">{t.catalogue.listHeading}</h2>
          <QueryStatus query={catalogue} />
          {catalogue.data ? (
            <ul className="item-list" aria-label={t.catalogue.listHeading}>
              {catalogue.data.instruments.map((instrument) => (
                <CatalogueRow key={`${instrument.instrumentId}:${instrument.version ?? 0}`} instrument={instrument} />
              ))}
            </ul>
          ) : null}
        </section>
      </div>
    </Page>
  );
}
