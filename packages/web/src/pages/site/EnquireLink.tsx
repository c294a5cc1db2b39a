import { Link } from 'react-router';
import { intakeStrings } from './intake-strings';
import { sitePath } from './site-context';

/** "Ask about a first consultation": the way to the intake form, from the home page, the therapists and the reflection. */
export function EnquireLink({ slug }: { slug: string }) {
  return (
    <div className="enquire-callout">
      <Link className="button button-primary" to={sitePath(slug, 'enquire')}>
        {intakeStrings.link}
      </Link>
      <p>{intakeStrings.linkLead}</p>
    </div>
  );
}
