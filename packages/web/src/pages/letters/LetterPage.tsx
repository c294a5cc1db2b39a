import { useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/errors';
import { useCurrentUser } from '../../app/current-user';
import { FormStatus } from '../../components/FormStatus';
import { Page } from '../../components/Page';
import { QueryStatus } from '../../components/States';
import { formatDateTime } from '../../lib/format';
import { LetterEditor } from './LetterEditor';
import { pdfUrl, useLetter, type Letter } from './letters-api';
import { lettersStrings as t } from './letters-strings';

/** A letter as it stands (filed, or another therapist's draft): read-only, with its PDF. */
function LetterView({ letter, justFiled }: { letter: Letter; justFiled: boolean }) {
  return (
    <article className="card stack-small letters-view">
      <FormStatus success={justFiled ? t.letter.filed : null} />
      <p className="letters-recipient">
        {[letter.recipientName, ...letter.recipientAddress.split('\n')].filter((l) => l.trim()).join('\n')}
      </p>
      {letter.subject ? <h2 className="letters-view-subject">{letter.subject}</h2> : null}
      <p className="letters-text">{letter.body}</p>
      <p className="item-meta">{t.letter.by(letter.author.displayName)}</p>
      <div className="button-row">
        <a className="button button-primary" href={pdfUrl(letter.id)} download>
          {t.letter.download}
        </a>
      </div>
    </article>
  );
}

/** /clients/:clientId/letters/:letterId — the draft editor for its author, otherwise the letter read-only. */
export function LetterPage() {
  const { clientId = '', letterId = '' } = useParams();
  const me = useCurrentUser();
  const letter = useLetter(letterId);
  // Bumped to start the editor afresh from the server's copy (after "saved somewhere else").
  const [loads, setLoads] = useState(0);
  const l = letter.data;
  const notFound = letter.error instanceof ApiError && (letter.error.status === 404 || letter.error.status === 403);
  const mine = l?.author.id === me.user.id;
  const lead = !l
    ? undefined
    : l.status === 'final'
      ? t.letter.leadFiled(formatDateTime(l.finalisedAt))
      : mine
        ? t.letter.leadDraft
        : t.letter.leadOtherDraft(l.author.displayName);
  const reload = () => void letter.refetch().then(() => setLoads((n) => n + 1));
  // Filed here and now (the draft became final while open): say so, for everyone and screen readers.
  const seen = useRef<Letter['status'] | undefined>(undefined);
  const [justFiled, setJustFiled] = useState(false);
  useEffect(() => {
    if (seen.current === 'draft' && l?.status === 'final') setJustFiled(true);
    seen.current = l?.status;
  }, [l?.status]);
  return (
    <Page
      title={l ? t.letter.title(l.recipientName) : t.letter.titleFallback}
      lead={notFound ? undefined : lead}
      actions={
        <Link className="button button-quiet" to={`/clients/${encodeURIComponent(clientId)}/letters`}>
          {t.letter.back}
        </Link>
      }
    >
      <QueryStatus query={letter} />
      {l ? (
        l.status === 'draft' && mine ? (
          <LetterEditor key={`${l.id}:${loads}`} letter={l} onReload={reload} />
        ) : (
          <LetterView letter={l} justFiled={justFiled} />
        )
      ) : null}
    </Page>
  );
}
