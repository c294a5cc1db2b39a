/** The admin's link to the questionnaires (in the main chunk's navigation; the pages are in the measures chunk). */
export const measuresNav = { to: '/admin/instruments', label: 'Instruments' };

/** The words of the link to a client's questionnaire results (on their frame page and notes page). */
export const measuresLinkStrings = { link: 'Measures' };
