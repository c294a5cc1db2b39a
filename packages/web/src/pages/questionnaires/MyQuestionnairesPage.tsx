import { Link } from 'react-router';
import { Page } from '../../components/Page';
import { Empty, QueryStatus } from '../../components/States';
import { formatDateTime } from '../../lib/format';
import { useMyQuestionnaires } from './questionnaires-api';
import { questionnairesStrings as s } from './questionnaires-strings';

/** /questionnaires — the client's questionnaires open now, each to start or continue. */
export function MyQuestionnairesPage() {
  const mine = useMyQuestionnaires();
  const list = mine.data?.questionnaires ?? [];
  return (
    <Page title={s.list.title} lead={s.list.lead} narrow>
      <QueryStatus query={mine} />
      {mine.data && list.length === 0 ? <Empty>{s.list.empty}</Empty> : null}
      {list.length > 0 ? (
        <ul className="questionnaire-list">
          {list.map((q) => (
            <li key={q.id} className="questionnaire-card">
              <h2 className="questionnaire-card-name">{q.name}</h2>
              {q.sessionStartsAt ? <p>{s.list.beforeSession(formatDateTime(q.sessionStartsAt))}</p> : null}
              <p>{s.list.closes(formatDateTime(q.expiresAt))}</p>
              <p>{s.list.progress(q.answeredCount, q.itemCount)}</p>
              <Link
                className="button button-primary"
                to={`/questionnaires/${encodeURIComponent(q.id)}`}
                aria-label={q.answeredCount > 0 ? s.list.resumeLabel(q.name) : s.list.startLabel(q.name)}
              >
                {q.answeredCount > 0 ? s.list.resume : s.list.start}
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
    </Page>
  );
}
