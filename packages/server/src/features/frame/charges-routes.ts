import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { createAbsenceRoute } from './absences-create.js';
import { deleteAbsenceRoute } from './absences-delete.js';
import { previewAbsenceRoute } from './absences-preview.js';
import { attendanceRoute } from './attendance.js';
import { importBankHolidaysRoute } from './bank-holidays-import.js';
import { listBankHolidaysRoute } from './bank-holidays-list.js';
import { createBreakRoute } from './breaks-create.js';
import { deleteBreakRoute } from './breaks-delete.js';
import { listBreaksRoute } from './breaks-list.js';
import { clientCancelPreviewRoute } from './client-cancel-preview.js';
import { clientCancelRoute } from './client-cancel.js';
import { adjustLedgerRoute } from './ledger-adjust.js';
import { getLedgerRoute } from './ledger-get.js';
import { waiveChargeRoute } from './ledger-waive.js';
import { createMoveRequestRoute } from './move-requests-create.js';
import { declineMoveRequestRoute } from './move-requests-decline.js';
import { listMoveRequestsRoute } from './move-requests-list.js';
import { myTimeZoneRoute } from './my-frame-time-zone.js';
import { myFrameRoute } from './my-frame.js';

/**
 * The therapy frame: breaks and bank holidays, attendance and the charges ledger, and the client's
 * side (their frame, cancelling with the charge shown first, planned absences, asking to move).
 * Each route lives in its own file and is registered here.
 */
export const chargeFeatureRoutes: FastifyPluginAsyncTypebox = async (app) => {
  // Breaks (therapists and admins) and bank holidays (admins).
  await listBreaksRoute(app, {});
  await createBreakRoute(app, {});
  await deleteBreakRoute(app, {});
  await listBankHolidaysRoute(app, {});
  await importBankHolidaysRoute(app, {});
  // Attendance and the ledger (therapists).
  await attendanceRoute(app, {});
  await getLedgerRoute(app, {});
  await adjustLedgerRoute(app, {});
  await waiveChargeRoute(app, {});
  await listMoveRequestsRoute(app, {});
  await declineMoveRequestRoute(app, {});
  // The client's side.
  await myFrameRoute(app, {});
  await myTimeZoneRoute(app, {});
  await clientCancelPreviewRoute(app, {});
  await clientCancelRoute(app, {});
  await createMoveRequestRoute(app, {});
  await previewAbsenceRoute(app, {});
  await createAbsenceRoute(app, {});
  await deleteAbsenceRoute(app, {});
};
