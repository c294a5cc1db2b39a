import type { Role } from '../db/schema.js';

/** Who is asking. Every scoped transaction carries one; the audit log records it. */
export interface Actor {
  practiceId: string;
  /** null for the system itself (jobs, the admin CLI, a not-yet-signed-in person). */
  userId: string | null;
  roles: readonly Role[];
  sessionId?: string;
  ip?: string;
  requestId?: string;
}

export function systemActor(practiceId: string, requestId?: string, ip?: string): Actor {
  return { practiceId, userId: null, roles: [], ...(requestId ? { requestId } : {}), ...(ip ? { ip } : {}) };
}

export function hasRole(actor: Actor, ...roles: Role[]): boolean {
  return roles.some((role) => actor.roles.includes(role));
}
