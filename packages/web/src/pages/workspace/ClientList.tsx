import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { keys } from '../../api/queries';
import type { Person } from '../../api/types';
import { PersonSummary } from '../../components/PersonSummary';
import { Empty, LoadError, Loading } from '../../components/States';
import { strings } from '../../strings';

/** A therapist’s own clients (the server returns only those in their care). */
export function ClientList() {
  const clients = useQuery({
    queryKey: keys.people('client', ''),
    queryFn: () => api<Person[]>('/api/people?role=client'),
  });
  if (clients.isPending) return <Loading />;
  if (clients.isError) return <LoadError error={clients.error} onRetry={() => void clients.refetch()} />;
  if (clients.data.length === 0) {
    return (
      <Empty
        action={
          <Link className="button button-primary" to="/clients/invite">
            {strings.clients.invite}
          </Link>
        }
      >
        {strings.clients.empty}
      </Empty>
    );
  }
  return (
    <ul className="item-list">
      {clients.data.map((person) => (
        <li className="item" key={person.id}>
          <PersonSummary person={person} showRoles={false} />
        </li>
      ))}
    </ul>
  );
}
