/**
 * The frame's links in the main navigation. Separate from frame-strings.ts because the navigation is
 * in the first-load bundle, and the rest of the frame's words are not.
 */
export const frameNav = {
  calendar: 'Calendar',
  breaks: 'Breaks',
  settings: 'Frame settings',
  rooms: 'Rooms',
};
