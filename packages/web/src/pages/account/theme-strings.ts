import type { ThemeChoice } from '../../lib/theme';

/** The words of the colour theme control on the account page. */
export const themeStrings = {
  heading: 'Appearance',
  legend: 'Colours',
  options: [
    {
      value: 'system',
      label: 'Same as this device',
      hint: 'Dark when your phone or computer is set to dark, light otherwise.',
    },
    { value: 'light', label: 'Light', hint: 'Dark text on a light background.' },
    { value: 'dark', label: 'Dark', hint: 'Light text on a dark background: easier on the eyes at night.' },
  ] satisfies { value: ThemeChoice; label: string; hint: string }[],
  note: 'Saved in this browser only. Each phone or computer you use keeps its own choice.',
};
