import type { FastifyPluginAsync } from 'fastify';
import { healthRoutes } from './health/routes.js';
import { practiceRoutes } from './practices/routes.js';

/** Every capability's routes. A new capability adds one line here. */
export const featureRoutes: FastifyPluginAsync[] = [healthRoutes, practiceRoutes];
