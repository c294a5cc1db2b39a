import type { Config } from '../config.js';
import type { SessionPolicy } from './session-store.js';

/** The session timeouts the configuration sets. */
export function sessionPolicy(config: Config): SessionPolicy {
  return {
    staffIdleMinutes: config.staffIdleMinutes,
    clientIdleMinutes: config.clientIdleMinutes,
    absoluteHours: config.sessionAbsoluteHours,
  };
}
