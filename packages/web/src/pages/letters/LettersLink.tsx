import { Link } from 'react-router';
import { lettersNav } from './letters-nav';

/** On a client's pages (frame, session notes): the way to their letters. Main stylesheet classes only. */
export function LettersLink({ clientId, bare }: { clientId: string; bare?: boolean }) {
  const link = (
    <Link className="button button-secondary" to={`/clients/${encodeURIComponent(clientId)}/letters`}>
      {lettersNav.clientLink}
    </Link>
  );
  return bare ? link : <div className="button-row">{link}</div>;
}
