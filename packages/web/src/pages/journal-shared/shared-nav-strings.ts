/**
 * The words the frame's pages show for what clients shared (the link on a client's page, the
 * caseload's badges): loaded with the frame, unlike the rest of journal-shared-strings.ts.
 */
export const sharedNavStrings = {
  link: (unread: number | null) =>
    unread ? `Journal entries shared with you (${unread} unread)` : 'Journal entries shared with you',
  unread: (n: number) => `${n} unread journal ${n === 1 ? 'entry' : 'entries'}`,
  toBring: (n: number) => `${n} to bring to the next session`,
};
