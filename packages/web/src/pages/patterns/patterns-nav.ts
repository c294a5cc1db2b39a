/** The client's link to "My patterns", in the main chunk's navigation (the page is in its own chunk). */
export const patternsNav = { to: '/my/patterns', label: 'My patterns' } as const;
