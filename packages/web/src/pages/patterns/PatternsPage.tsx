import { Link, useParams } from 'react-router';
import { Page } from '../../components/Page';
import { Empty, QueryStatus } from '../../components/States';
import { CcrtWorkspace } from './CcrtWorkspace';
import { DreamCorrections } from './DreamCorrections';
import { How, PassageLinks } from './PassageLinks';
import { useStaffPatterns } from './patterns-api';
import { patternsStrings as t } from './patterns-strings';
import type { StaffPatterns } from './patterns-types';

function Themes({ view, links }: { view: StaffPatterns; links: Map<string, string> }) {
  const { themes } = view.summary;
  return (
    <section className="stack-small" aria-labelledby="themes-heading">
      <h2 id="themes-heading">{t.themes.heading}</h2>
      {themes.length === 0 ? (
        <p className="muted">{t.themes.none}</p>
      ) : (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t.themes.theme}</th>
                <th scope="col">{t.themes.entries}</th>
                <th scope="col">{t.themes.first}</th>
                <th scope="col">{t.themes.last}</th>
                <th scope="col">{t.themes.trend}</th>
                <th scope="col">{t.passages}</th>
              </tr>
            </thead>
            <tbody>
              {themes.map((theme) => (
                <tr key={theme.id}>
                  <th scope="row">{theme.label}</th>
                  <td>{theme.entries}</td>
                  <td>{theme.firstSeen}</td>
                  <td>{theme.lastSeen}</td>
                  <td>{theme.trend}</td>
                  <td>
                    <PassageLinks citations={theme.citations.slice(0, 3)} links={links} />
                    <How text={theme.how} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function People({ view, links }: { view: StaffPatterns; links: Map<string, string> }) {
  const { people } = view.summary;
  const top = (items: { label: string; sentences: number }[]) =>
    items
      .slice(0, 4)
      .map((i) => `${i.label} (${i.sentences})`)
      .join(', ') || '—';
  return (
    <section className="stack-small" aria-labelledby="people-heading">
      <h2 id="people-heading">{t.people.heading}</h2>
      {people.length === 0 ? (
        <p className="muted">{t.people.none}</p>
      ) : (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t.people.person}</th>
                <th scope="col">{t.people.entries}</th>
                <th scope="col">{t.people.past}</th>
                <th scope="col">{t.people.feelings}</th>
                <th scope="col">{t.people.interactions}</th>
                <th scope="col">{t.passages}</th>
              </tr>
            </thead>
            <tbody>
              {people.map((person) => (
                <tr key={person.figure}>
                  <th scope="row">{person.label}</th>
                  <td>{person.entries}</td>
                  <td>{person.pastSentences}</td>
                  <td>{top(person.feelings)}</td>
                  <td>{top(person.interactions)}</td>
                  <td>
                    <PassageLinks citations={person.citations.slice(0, 3)} links={links} />
                    <How text={person.how} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function Echoes({ view, links }: { view: StaffPatterns; links: Map<string, string> }) {
  const { echoes } = view.summary;
  return (
    <section className="stack-small" aria-labelledby="echoes-heading">
      <h2 id="echoes-heading">{t.echoes.heading}</h2>
      {echoes.length === 0 ? (
        <p className="muted">{t.echoes.none}</p>
      ) : (
        <ul className="stack-small plain-list">
          {echoes.map((echo) => (
            <li key={echo.id} className="card stack-small">
              <h3>{t.echoes.title(echo.past.label, echo.present.label)}</h3>
              <p>{t.echoes.shared(echo.shared.join(', '))}</p>
              <h4>{t.echoes.past}</h4>
              <PassageLinks citations={echo.past.citations} links={links} />
              <h4>{t.echoes.present}</h4>
              <PassageLinks citations={echo.present.citations} links={links} />
              <How text={echo.how} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

const formatH = (h: number | null) => (h === null ? '—' : h.toFixed(2));
const formatShare = (v: number | null) => (v === null ? '—' : `${Math.round(v * 100)}%`);

function Dreams({ view }: { view: StaffPatterns }) {
  const { dreams } = view;
  return (
    <section className="stack-small" aria-labelledby="dreams-heading">
      <h2 id="dreams-heading">{t.dreams.heading}</h2>
      {dreams.profile === null ? (
        <p className="muted">{t.dreams.none}</p>
      ) : (
        <>
          <p>{t.dreams.lead(dreams.count, dreams.profile.normLabel)}</p>
          {dreams.caution ? <p className="muted">{dreams.caution}</p> : null}
          <div className="table-scroll">
            <table>
              <caption>{t.dreams.chart}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.dreams.indicator}</th>
                  <th scope="col">{t.dreams.value}</th>
                  <th scope="col">{t.dreams.norm}</th>
                  <th scope="col">{t.dreams.h}</th>
                </tr>
              </thead>
              <tbody>
                {dreams.profile.proportions.map((entry) => (
                  <tr key={entry.indicator}>
                    <th scope="row">{entry.label}</th>
                    <td>{formatShare(entry.value.value)}</td>
                    <td>{formatShare(entry.norm)}</td>
                    <td>
                      <meter
                        min={-2}
                        max={2}
                        value={entry.h ?? 0}
                        aria-label={`${entry.label}: h ${formatH(entry.h)}`}
                      />{' '}
                      {formatH(entry.h)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

/** A client's patterns tab: themes, the people map, echoes, the CCRT workspace and the dream h-profile. */
export function PatternsPage() {
  const { clientId = '' } = useParams();
  const query = useStaffPatterns(clientId);
  const view = query.data;
  const links = new Map((view?.sources ?? []).map((s) => [s.entryId, s.link]));
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
          <Themes view={view} links={links} />
          <People view={view} links={links} />
          <Echoes view={view} links={links} />
          <CcrtWorkspace view={view} links={links} />
          <Dreams view={view} />
          <DreamCorrections clientId={view.clientId} how={view.dreams.how} />
        </div>
      ) : null}
    </Page>
  );
}
