/**
 * The main navigation's link to the client's journal. It lives apart from journal-strings.ts because
 * the navigation is in every page's first download, and the rest of the journal's words are not.
 */
export const journalNav = { to: '/journal', label: 'My journal' } as const;
