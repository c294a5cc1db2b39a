import type { FastifyPluginAsync } from 'fastify';
import { healthRoutes } from './health/routes.js';
import { practiceRoutes } from './practices/routes.js';
import { auditLogRoutes } from './audit-log/routes.js';
import { invitationRoutes } from './invitations/routes.js';
import { outboxRoutes } from './outbox/routes.js';
import { peopleRoutes } from './people/routes.js';
import { setupRoutes } from './setup/routes.js';
import { authRoutes } from './auth/routes.js';
import { mfaRoutes } from './mfa/routes.js';
import { accountRoutes } from './account/routes.js';
import { frameRoutes } from './frame/routes.js';
import { journalRoutes } from './journal/routes.js';
import { recordRoutes } from './record/routes.js';

/** Every capability's routes. A new capability adds one line here. */
export const featureRoutes: FastifyPluginAsync[] = [healthRoutes, practiceRoutes];
featureRoutes.push(invitationRoutes);
featureRoutes.push(peopleRoutes);
featureRoutes.push(outboxRoutes);
featureRoutes.push(auditLogRoutes);
featureRoutes.push(setupRoutes);
featureRoutes.push(authRoutes);
featureRoutes.push(mfaRoutes);
featureRoutes.push(accountRoutes);
featureRoutes.push(frameRoutes);
featureRoutes.push(journalRoutes);
featureRoutes.push(recordRoutes);
