import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { createAppointmentRoute } from './appointments-create.js';
import { moveAppointmentRoute } from './appointments-move.js';
import { calendarRoute } from './calendar.js';
import { caseloadRoute } from './caseload.js';
import { agreementRoute } from './episodes-agreement.js';
import { listEpisodeAppointmentsRoute } from './episodes-appointments.js';
import { createEpisodeRoute } from './episodes-create.js';
import { endEpisodeRoute } from './episodes-end.js';
import { setEndingRoute } from './episodes-ending.js';
import { installFrameFieldErrors } from './episodes-field-errors.js';
import { getEpisodeRoute } from './episodes-get.js';
import { listEpisodesRoute } from './episodes-list.js';
import { pauseEpisodeRoute } from './episodes-pause.js';
import { resumeEpisodeRoute } from './episodes-resume.js';
import { createLocationRoute } from './locations-create.js';
import { listLocationsRoute } from './locations-list.js';
import { updateLocationRoute } from './locations-update.js';
import { roomsUsageRoute } from './rooms-usage.js';
import { getSettingsRoute } from './settings-get.js';
import { putSettingsRoute } from './settings-put.js';

/**
 * The therapy frame, therapist side: settings, locations, episodes and their agreements, one-off
 * bookings and moves, the calendar, the caseload, and (for admins) room use. Each route lives in its
 * own file. They share a scope whose error handler answers field problems with their fields.
 */
export const episodeFeatureRoutes: FastifyPluginAsyncTypebox = async (app) => {
  await app.register(async (scope) => {
    installFrameFieldErrors(scope);
    const routes: FastifyPluginAsyncTypebox[] = [
      getSettingsRoute,
      putSettingsRoute,
      listLocationsRoute,
      createLocationRoute,
      updateLocationRoute,
      listEpisodesRoute,
      createEpisodeRoute,
      getEpisodeRoute,
      listEpisodeAppointmentsRoute,
      agreementRoute,
      pauseEpisodeRoute,
      resumeEpisodeRoute,
      setEndingRoute,
      endEpisodeRoute,
      createAppointmentRoute,
      moveAppointmentRoute,
      calendarRoute,
      caseloadRoute,
      roomsUsageRoute,
    ];
    for (const route of routes) await route(scope.withTypeProvider(), {});
  });
};
