/** The admin's links to the letterhead and letter templates (in the main chunk's navigation; the pages are in the letters chunk). */
export const lettersNav = {
  letterhead: { to: '/admin/letterhead', label: 'Letterhead' },
  templates: { to: '/admin/letter-templates', label: 'Letter templates' },
  /** The words of the link to a client's letters on their pages (loaded with the frame and the record). */
  clientLink: 'Letters',
};
