/** The links to the subject-access pages (in the main chunk's navigation; the pages are their own chunk). */
export const subjectAccessNav = {
  admin: { to: '/admin/subject-access', label: 'Subject access' },
  therapist: { to: '/subject-access/reviews', label: 'Process notes to review' },
};
