import { Link } from 'react-router';
import { writeStrings as s } from '../write-strings';

/** Told plainly, once: another device changed the entry, so this device's words became their own entry. */
export function ConflictNotice({ otherId }: { otherId: string }) {
  return (
    <div className="notice notice-info jw-conflict" role="alert">
      <p>
        <strong>{s.conflict.title}</strong>
      </p>
      <p>{s.conflict.body}</p>
      <p>
        <Link to={`/journal/${encodeURIComponent(otherId)}`}>{s.conflict.seeOther}</Link>
      </p>
    </div>
  );
}
