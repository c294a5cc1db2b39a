/** The words of the link to a client's session notes on their page (loaded with the frame). */
export const recordNavStrings = {
  link: 'Session notes',
  formulation: 'Case formulation',
  patterns: 'Patterns',
};
