/** The admin's link to the note template (in the main chunk's navigation; the page is in the record chunk). */
export const templateNav = { to: '/admin/note-template', label: 'Note template' };
