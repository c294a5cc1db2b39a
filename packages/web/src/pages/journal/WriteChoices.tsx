import { Link } from 'react-router';
import type { EntryKind } from '../../api/journal-types';
import { journalPaths } from './journal-paths';
import { journalStrings as s } from './journal-strings';

const KINDS: EntryKind[] = ['free_association', 'dream', 'reflection', 'check_in'];

/** The four ways to start writing, each a link to its editor. */
export function WriteChoices() {
  return (
    <section aria-labelledby="journal-write" className="journal-write">
      <h2 id="journal-write">{s.timeline.writeHeading}</h2>
      <ul className="journal-write-list" aria-label={s.timeline.writeLabel}>
        {KINDS.map((kind) => (
          <li key={kind}>
            <Link className="journal-write-link" to={journalPaths.newEntry(kind)} data-kind={kind}>
              <span className="journal-write-title">{s.kinds[kind]}</span>
              <span className="journal-write-hint">{s.kindHints[kind]}</span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
