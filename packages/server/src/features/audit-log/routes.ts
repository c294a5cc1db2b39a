import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { browseAuditRoute } from './browse-audit.js';
import { verifyAuditRoute } from './verify-audit.js';

/** The audit log for admins: browse it, and verify its hash chain. */
export const auditLogRoutes: FastifyPluginAsyncTypebox = async (app) => {
  await browseAuditRoute(app, {});
  await verifyAuditRoute(app, {});
};
