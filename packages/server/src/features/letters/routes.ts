import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { installFrameFieldErrors } from '../frame/episodes-field-errors.js';
import { createLetterRoute } from './letter-create.js';
import { deleteLetterRoute } from './letter-delete.js';
import { downloadLetterRoute } from './letter-download.js';
import { finaliseLetterRoute } from './letter-finalise.js';
import { getLetterRoute } from './letter-get.js';
import { saveLetterRoute } from './letter-save.js';
import { getLetterheadRoute } from './letterhead-get.js';
import { putLetterheadRoute } from './letterhead-put.js';
import { listLettersRoute } from './letters-list.js';
import { createTemplateRoute } from './template-create.js';
import { deleteTemplateRoute } from './template-delete.js';
import { saveTemplateRoute } from './template-save.js';
import { listTemplatesRoute } from './templates-list.js';

/**
 * Letters: the practice's letterhead and templates (admin), and letters about a client (their
 * therapist): start from a template, save drafts, file in the record, download as PDF. Each route
 * lives in its own file; they share a scope whose error handler answers field problems with fields.
 */
export const letterRoutes: FastifyPluginAsyncTypebox = async (app) => {
  await app.register(async (scope) => {
    installFrameFieldErrors(scope);
    const routes: FastifyPluginAsyncTypebox[] = [
      getLetterheadRoute,
      putLetterheadRoute,
      listTemplatesRoute,
      createTemplateRoute,
      saveTemplateRoute,
      deleteTemplateRoute,
      listLettersRoute,
      createLetterRoute,
      getLetterRoute,
      saveLetterRoute,
      finaliseLetterRoute,
      deleteLetterRoute,
      downloadLetterRoute,
    ];
    for (const route of routes) await route(scope, {});
  });
};
