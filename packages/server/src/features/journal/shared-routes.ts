import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';

/** The therapist's side (what clients shared) and the client's "not ready yet" list. */
export const sharedRoutes: FastifyPluginAsyncTypebox = async () => {};
