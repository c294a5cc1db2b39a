/** The link to the intake queue (in the main chunk's navigation; the pages are in the intake-queue chunk). */
export const intakeQueueNav = { to: '/intakes', label: 'Enquiries' };
