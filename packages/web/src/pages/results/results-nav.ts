/** Links to the results pages, in the main chunk's navigation (the pages are in the results chunk). */
export const resultsNav = {
  progress: { to: '/progress', label: 'My progress' },
  report: { to: '/admin/outcomes', label: 'Outcomes report' },
} as const;
