/**
 * The main navigation's link to the client's sessions area. It lives apart from portal-strings.ts
 * because the navigation is in every page's first download, and the rest of the area's words are not.
 */
export const portalNav = { to: '/sessions', label: 'My sessions' } as const;
