import { useState } from 'react';
import '../../styles/dream-codes.css';
import { Badge } from '../../components/Badge';
import { QueryStatus } from '../../components/States';
import { DreamCodeEditor } from './DreamCodeEditor';
import { codeLabel, contentOf } from './dream-code-edits';
import { useSharedDreams } from './dream-corrections-api';
import { dreamCorrectionsStrings as t } from './dream-corrections-strings';
import type { DreamListItem } from './dream-code-types';

function DreamRow({ clientId, dream }: { clientId: string; dream: DreamListItem }) {
  const [open, setOpen] = useState(false);
  const headingId = `dream-${dream.entryId}`;
  return (
    <li className="card stack-small">
      <h3 id={headingId}>{t.dreamTitle(dream.date)}</h3>
      <p>{dream.opening}</p>
      <div className="badge-row">
        <Badge>{t.codeCount(dream.codes.length)}</Badge>
        {dream.corrected ? <Badge tone="info">{t.corrected}</Badge> : null}
      </div>
      <p className="muted">{dream.codes.map((c) => codeLabel(contentOf(c))).join('; ')}</p>
      <div className="button-row">
        <button
          type="button"
          className="button button-secondary"
          aria-expanded={open}
          aria-controls={`${headingId}-editor`}
          onClick={() => setOpen(!open)}
        >
          {t.open}
        </button>
      </div>
      {open ? (
        <section id={`${headingId}-editor`} aria-label={t.editorHeading(dream.date)} className="stack-small">
          <DreamCodeEditor clientId={clientId} entryId={dream.entryId} />
        </section>
      ) : null}
    </li>
  );
}

/**
 * The shared dreams with the codes the indicators count, each with a "Correct codes" editor; how many
 * the therapist corrected is said with the h-profile's `how`.
 */
export function DreamCorrections({ clientId, how }: { clientId: string; how: string }) {
  const query = useSharedDreams(clientId);
  const dreams = query.data?.dreams;
  return (
    <section className="stack-small" aria-labelledby="dream-codes-heading">
      <h2 id="dream-codes-heading">{t.heading}</h2>
      <p className="muted">{t.lead}</p>
      <p data-testid="dreams-how">{how}</p>
      <QueryStatus query={query} />
      {dreams && dreams.length === 0 ? <p className="muted">{t.none}</p> : null}
      {dreams && dreams.length > 0 ? (
        <ul className="plain-list stack-small">
          {dreams.map((dream) => (
            <DreamRow key={dream.entryId} clientId={clientId} dream={dream} />
          ))}
        </ul>
      ) : null}
    </section>
  );
}
