import { useMe } from '../api/queries';
import type { Me, Role } from '../api/types';

/** The signed-in person, inside routes guarded by RequireSession (where it is always known). */
export function useCurrentUser(): Me {
  const me = useMe();
  if (!me.data) throw new Error('useCurrentUser() used outside a signed-in route');
  return me.data;
}

export function hasRole(me: Me | null | undefined, ...roles: Role[]): boolean {
  return !!me && roles.some((role) => me.user.roles.includes(role));
}
