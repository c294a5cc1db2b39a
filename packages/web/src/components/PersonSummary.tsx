import type { Person } from '../api/types';
import { formatDateTime } from '../lib/format';
import { strings } from '../strings';
import { Badge } from './Badge';

/** A person’s name, e-mail, roles and status, as shown in lists. */
export function PersonSummary({
  person,
  isYou,
  showRoles = true,
}: {
  person: Person;
  isYou?: boolean;
  /** A therapist's list of clients needs no role badges. */
  showRoles?: boolean;
}) {
  return (
    <div className="item-main">
      <p className="item-title">
        {person.displayName}
        {isYou ? <span className="muted"> ({strings.people.you})</span> : null}{' '}
        {person.status === 'disabled' ? <Badge tone="bad">{strings.personStatus.disabled}</Badge> : null}
      </p>
      <p className="item-meta">{person.email}</p>
      {showRoles ? (
        <p className="badge-row">
          {person.roles.map((role) => (
            <Badge key={role} tone="info">
              {strings.roles[role]}
            </Badge>
          ))}
        </p>
      ) : null}
      <p className="item-meta">
        {person.lastSignInAt
          ? strings.people.lastSignIn(formatDateTime(person.lastSignInAt))
          : strings.people.neverSignedIn}
        {person.roles.some((r) => r !== 'client')
          ? ` · ${person.mfaEnabled ? strings.people.mfaOn : strings.people.mfaOff}`
          : ''}
      </p>
    </div>
  );
}
