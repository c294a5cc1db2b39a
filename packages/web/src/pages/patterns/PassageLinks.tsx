import { Link } from 'react-router';
import { patternsStrings as t } from './patterns-strings';
import type { Citation } from './patterns-types';

/** The passages behind an observation, each a link to the page the therapist may open for it. */
export function PassageLinks({ citations, links }: { citations: Citation[]; links: Map<string, string> }) {
  const seen = new Map<string, number>();
  const items = citations.flatMap((c) => {
    const link = links.get(c.entryId);
    if (!link) return [];
    const n = (seen.get(c.entryId) ?? 0) + 1;
    seen.set(c.entryId, n);
    return [{ key: `${c.entryId}-${c.start}`, link, label: t.passage(c.date, n) }];
  });
  if (items.length === 0) return null;
  return (
    <ul className="inline-list" aria-label={t.passages}>
      {items.map((item) => (
        <li key={item.key}>
          <Link to={item.link}>{item.label}</Link>
        </li>
      ))}
    </ul>
  );
}

export function How({ text }: { text: string }) {
  return (
    <details>
      <summary>{t.how}</summary>
      <p className="muted">{text}</p>
    </details>
  );
}
