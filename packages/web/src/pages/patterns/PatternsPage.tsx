import { Link, useParams } from 'react-router';
import { Page } from '../../components/Page';
import { Empty, QueryStatus } from '../../components/States';
import { CcrtWorkspace } from './CcrtWorkspace';
import { DreamCorrections } from './DreamCorrections';
import { DreamsSection } from './DreamsSection';
import { EchoesSection } from './EchoesSection';
import { OdfSection } from './OdfSection';
import { PeopleSection } from './PeopleSection';
import { ThemesSection } from './ThemesSection';
import { TransferenceSection } from './TransferenceSection';
import { useStaffPatterns } from './patterns-api';
import { patternsStrings as t } from './patterns-strings';
import { linksOf } from './section-props';

/**
 * A client's patterns tab: themes over time, the people map, echoes, the therapy in the material
 * (with the therapist's countertransference notes), the CCRT workspace, defensive functioning and the
 * dream h-profile — each a chart with its table and the passages behind it.
 */
export function PatternsPage() {
  const { clientId = '' } = useParams();
  const query = useStaffPatterns(clientId);
  const view = query.data;
  const links = linksOf(view);
  return (
    <Page
      title={t.title}
      lead={t.lead}
      actions={
        <Link className="button button-quiet" to={`/clients/${encodeURIComponent(clientId)}`}>
          {t.back}
        </Link>
      }
    >
      <QueryStatus query={query} />
      {view && view.summary.entries === 0 ? <Empty>{t.empty}</Empty> : null}
      {view && view.summary.entries > 0 ? (
        <div className="stack">
          <p className="muted">{view.summary.caution}</p>
          {view.summary.firstDate && view.summary.lastDate ? (
            <p>{t.span(view.summary.entries, view.summary.firstDate, view.summary.lastDate)}</p>
          ) : null}
          <ThemesSection view={view} links={links} voice="staff" />
          <PeopleSection view={view} links={links} voice="staff" />
          <EchoesSection view={view} links={links} voice="staff" />
          <TransferenceSection view={view} links={links} voice="staff" />
          <CcrtWorkspace view={view} links={links} />
          <OdfSection data={view.summary.defensiveFunctioning} sources={view.sources} />
          <DreamsSection view={view} links={links} voice="staff" />
          <DreamCorrections clientId={view.clientId} how={view.dreams.how} />
        </div>
      ) : null}
    </Page>
  );
}
