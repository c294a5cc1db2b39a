/** The therapist's link to the note search (in the main chunk's navigation; the page is in the record chunk). */
export const searchNav = { to: '/notes/search', label: 'Search notes' };
