/**
 * The main navigation's link to the client's questionnaires. Apart from questionnaires-strings.ts
 * because the navigation is in every page's first download, and the rest of the area's words are not.
 */
export const questionnairesNav = {
  to: '/questionnaires',
  label: (open: number) => (open > 0 ? `Questionnaires (${open} to complete)` : 'Questionnaires'),
} as const;
