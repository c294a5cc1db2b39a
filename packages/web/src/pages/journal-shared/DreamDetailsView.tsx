import { Link } from 'react-router';
import type { DreamDetails, SharedItem } from '../../api/journal-types';
import { sharedStrings as t } from './journal-shared-strings';
import { entryName } from './shared-format';

/** Text exactly as the client wrote it: never HTML, line breaks kept, its own direction. */
export function PlainText({ text, className = 'shared-text' }: { text: string; className?: string }) {
  return (
    <div className={className} dir="auto">
      {text}
    </div>
  );
}

function Part({ heading, text }: { heading: string; text: string }) {
  if (!text.trim()) return null;
  return (
    <div className="shared-part">
      <h3>{heading}</h3>
      <PlainText text={text} />
    </div>
  );
}

/**
 * The dream beyond its telling: setting, people, feelings on waking (each with its intensity), the
 * day before, associations, and the earlier dreams it recurs from (those shared with me link to them).
 */
export function DreamDetailsView({
  details,
  recursIds,
  shared,
  clientId,
}: {
  details: DreamDetails | null;
  recursIds: string[];
  /** The client's live shares, to link the earlier dreams that are shared too. */
  shared: SharedItem[];
  clientId: string;
}) {
  const feelings = details?.feelings ?? [];
  const recurs = recursIds
    .map((entryId) => shared.find((item) => item.entryId === entryId && item.withdrawnAt === null))
    .filter((item): item is SharedItem => item !== undefined);
  const hidden = recursIds.length - recurs.length;
  const any =
    details &&
    (details.setting.trim() ||
      details.people.trim() ||
      feelings.length > 0 ||
      details.dayBefore.trim() ||
      details.associations.trim());
  if (!any && recursIds.length === 0) return null;
  return (
    <section className="card stack-small" aria-labelledby="dream-heading">
      <h2 id="dream-heading">{t.entry.dreamHeading}</h2>
      {details ? (
        <>
          <Part heading={t.entry.setting} text={details.setting} />
          <Part heading={t.entry.people} text={details.people} />
          {feelings.length > 0 ? (
            <div className="shared-part">
              <h3>{t.entry.feelings}</h3>
              <ul className="shared-feelings">
                {feelings.map((feeling, i) => (
                  <li key={`${i}-${feeling.name}`} dir="auto">
                    {t.entry.feeling(feeling.name, t.entry.intensity[feeling.intensity] ?? String(feeling.intensity))}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          <Part heading={t.entry.dayBefore} text={details.dayBefore} />
          <Part heading={t.entry.associations} text={details.associations} />
        </>
      ) : null}
      {recursIds.length > 0 ? (
        <div className="shared-part">
          <h3>{t.entry.recurs}</h3>
          <ul className="shared-feelings">
            {recurs.map((item) => (
              <li key={item.shareId}>
                <Link to={`/clients/${encodeURIComponent(clientId)}/journal/${encodeURIComponent(item.shareId)}`}>
                  {entryName(item, item.sharedAt)}
                </Link>
              </li>
            ))}
            {hidden > 0 ? <li>{t.entry.recursHidden(hidden)}</li> : null}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
