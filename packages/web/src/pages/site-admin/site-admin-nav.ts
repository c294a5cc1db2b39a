/** Links to the public side's editing (in the main chunk's navigation; the pages are in the site-admin chunk). */
export const siteAdminNav = {
  admin: { to: '/admin/public-site', label: 'Public website' },
  therapist: { to: '/public-profile', label: 'My public profile' },
};
