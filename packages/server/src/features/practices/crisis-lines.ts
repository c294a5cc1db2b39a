import { crisisResourcesFor, regionForTimeZone, type CrisisResources } from '@undercurrent/clinical';
import type { AccessLayer } from '../../access/access-layer.js';
import { systemActor } from '../../access/actor.js';
import { asCrisisLine } from '../safeguarding/crisis-resource-rules.js';
import { loadLocalResources } from '../safeguarding/crisis-resources-record.js';
import { loadSafeguardingSettings } from '../safeguarding/settings-record.js';

/**
 * The crisis lines of a request's practice, shared by `GET /api/crisis-resources` and the server's
 * first paint of `/help`, so the numbers a visitor sees before the scripts run are the ones the app
 * shows after: the region the practice chose, then the practice's own resources in its order.
 */
export interface PracticeOfRequest {
  id: string;
  slug: string;
}

/**
 * The practice of the request: the signed-in person's, else the public site's slug, else the
 * instance's only practice. With several practices and neither, none (the region defaults alone).
 */
export function practiceOfRequest<P extends PracticeOfRequest>(
  practices: P[],
  signedInPracticeId: string | undefined,
  slug: string | undefined,
): P | undefined {
  if (signedInPracticeId) return practices.find((p) => p.id === signedInPracticeId);
  if (slug) return practices.find((p) => p.slug === slug);
  return practices.length === 1 ? practices[0] : undefined;
}

export async function crisisLinesFor(
  access: AccessLayer,
  practice: PracticeOfRequest | undefined,
): Promise<CrisisResources> {
  if (!practice) return crisisResourcesFor(regionForTimeZone('Europe/London'));
  // Read as the practice's system actor: row-level security confines it to that practice.
  return access.run(systemActor(practice.id), async (tx) => {
    const settings = await loadSafeguardingSettings(tx);
    const region = crisisResourcesFor(settings.region);
    const local = await loadLocalResources(tx);
    return { ...region, resources: [...region.resources, ...local.map(asCrisisLine)] };
  });
}
