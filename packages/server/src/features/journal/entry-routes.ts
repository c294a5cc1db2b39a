import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';

/** The client's own entries: save, read, list and search, delete, share and withdraw, tags, export. */
export const entryRoutes: FastifyPluginAsyncTypebox = async () => {};
