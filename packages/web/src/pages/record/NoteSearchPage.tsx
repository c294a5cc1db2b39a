import { useId, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Badge } from '../../components/Badge';
import { Page } from '../../components/Page';
import { Empty, QueryStatus } from '../../components/States';
import { formatDate, isoOf } from '../../lib/format';
import { MAX_SEARCH_CHARACTERS, SEARCH_LIMIT, useNoteSearch, type NoteSearchResult } from './search-api';
import { searchStrings as t } from './search-strings';

function ResultRow({ result }: { result: NoteSearchResult }) {
  const when = formatDate(result.sessionStartsAt);
  return (
    <li className="item">
      <div className="item-main">
        <p className="item-title">
          <Link to={`/clients/${encodeURIComponent(result.clientId)}/notes/${encodeURIComponent(result.noteId)}`}>
            {result.clientName}
            {' — '}
            <time dateTime={isoOf(result.sessionStartsAt)}>{t.session(when)}</time>
          </Link>
        </p>
        <p className="record-badges">
          <Badge tone={result.status === 'signed' ? 'good' : 'neutral'}>{t.status[result.status]}</Badge>
        </p>
        <p className="item-meta">{t.matchedIn[result.matchedIn]}</p>
        <p className="record-excerpt" dir="auto">
          {result.snippet}
        </p>
      </div>
    </li>
  );
}

/** Search across the progress notes of my caseload; the words searched are kept in the address. */
export function NoteSearchPage() {
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const [text, setText] = useState(q);
  const search = useNoteSearch(q);
  const id = useId();
  const tooLong = Array.from(text).length > MAX_SEARCH_CHARACTERS;
  return (
    <Page title={t.title} lead={t.lead}>
      <div className="stack">
        <form
          className="card"
          role="search"
          aria-label={t.title}
          onSubmit={(event) => {
            event.preventDefault();
            if (tooLong) return;
            setParams(text.trim() ? { q: text.trim() } : {});
          }}
        >
          <div className="field">
            <label className="field-label" htmlFor={id}>
              {t.label}
            </label>
            <p className="field-hint" id={`${id}-hint`}>
              {t.hint}
            </p>
            <input
              id={id}
              className="field-input"
              type="search"
              name="q"
              dir="auto"
              enterKeyHint="search"
              autoComplete="off"
              maxLength={MAX_SEARCH_CHARACTERS}
              value={text}
              aria-describedby={`${id}-hint`}
              aria-invalid={tooLong || undefined}
              onChange={(event) => setText(event.target.value)}
            />
            {tooLong ? (
              <p className="field-error" role="alert">
                {t.tooLong}
              </p>
            ) : null}
          </div>
          <button className="button button-primary" type="submit">
            {t.submit}
          </button>
        </form>
        {q.trim() === '' ? (
          <p className="muted">{t.start}</p>
        ) : (
          <section className="stack-small" aria-labelledby={`${id}-results`}>
            <h2 id={`${id}-results`}>{t.resultsHeading}</h2>
            <QueryStatus query={search} />
            {search.data ? (
              <>
                <p role="status">{t.count(search.data.results.length, search.data.searched)}</p>
                {search.data.results.length >= SEARCH_LIMIT ? <p className="muted">{t.more(SEARCH_LIMIT)}</p> : null}
                {search.data.results.length === 0 ? (
                  <Empty>{t.empty(q)}</Empty>
                ) : (
                  <ul className="item-list" aria-label={t.resultsHeading}>
                    {search.data.results.map((result) => (
                      <ResultRow key={result.noteId} result={result} />
                    ))}
                  </ul>
                )}
              </>
            ) : null}
          </section>
        )}
      </div>
    </Page>
  );
}
