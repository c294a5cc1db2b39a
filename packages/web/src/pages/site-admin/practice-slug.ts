import { usePractices } from '../../api/queries';
import { useCurrentUser } from '../../app/current-user';

/** The signed-in person's practice's slug (its public address is /p/<slug>). */
export function usePracticeSlug(): string | undefined {
  const me = useCurrentUser();
  const practices = usePractices();
  return practices.data?.practices.find((p) => p.id === me.practice.id)?.slug;
}
