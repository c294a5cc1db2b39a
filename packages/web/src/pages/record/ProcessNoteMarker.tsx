import { processStrings as t } from './process-strings';

/**
 * The unmistakable mark on every process note: whose they are, and that they are not the clinical
 * record. A heading (so it is found by heading navigation) and the sentence that explains it.
 */
export function ProcessNoteMarker({ headingId, level = 2 }: { headingId?: string; level?: 2 | 3 }) {
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <div className="process-marker">
      <svg className="process-marker-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <rect x="5" y="10.5" width="14" height="10" rx="2" />
        <path d="M8 10.5V7.5a4 4 0 0 1 8 0v3" />
      </svg>
      <div className="process-marker-text">
        <Heading id={headingId} className="process-marker-title">
          {t.marker.title}
        </Heading>
        <p>{t.marker.body}</p>
      </div>
    </div>
  );
}
