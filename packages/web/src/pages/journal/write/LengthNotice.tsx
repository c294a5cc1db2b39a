import { MAX_ENTRY_CHARACTERS } from '../../../api/journal-types';
import { writeStrings as s } from '../write-strings';
import { lengthState } from './entry-length';

/** The character count near the limit, and a clear message beyond it (before the server refuses). */
export function LengthNotice({ length }: { length: number }) {
  const state = lengthState(length);
  if (state === 'fine') return null;
  if (state === 'over') {
    // The alert's words stay the same while the count changes, so it is announced once, not per key.
    return (
      <div className="notice notice-error jw-length">
        <p role="alert">{s.length.over(MAX_ENTRY_CHARACTERS)}</p>
        <p>{s.length.count(length, MAX_ENTRY_CHARACTERS)}</p>
      </div>
    );
  }
  return <p className="jw-length jw-length-near">{s.length.count(length, MAX_ENTRY_CHARACTERS)}</p>;
}
