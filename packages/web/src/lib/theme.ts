/**
 * The colour theme a person chose on their account page: "system" follows the device (the CSS's
 * prefers-color-scheme), "light" and "dark" set data-theme on <html>. Kept in localStorage: a
 * preference of this browser, never anything a person wrote.
 */
export type ThemeChoice = 'system' | 'light' | 'dark';

export const THEME_KEY = 'undercurrent-theme';

const isChoice = (value: unknown): value is ThemeChoice => value === 'light' || value === 'dark' || value === 'system';

/** The stored choice; "system" when none (or when storage is unavailable, as in some private windows). */
export function storedTheme(): ThemeChoice {
  try {
    const value = window.localStorage.getItem(THEME_KEY);
    return isChoice(value) ? value : 'system';
  } catch {
    return 'system';
  }
}

/** Shows the page in a theme, without storing it. */
export function applyTheme(choice: ThemeChoice): void {
  const root = document.documentElement;
  if (choice === 'system') root.removeAttribute('data-theme');
  else root.setAttribute('data-theme', choice);
}

/** Stores a choice and shows it at once. */
export function chooseTheme(choice: ThemeChoice): void {
  try {
    if (choice === 'system') window.localStorage.removeItem(THEME_KEY);
    else window.localStorage.setItem(THEME_KEY, choice);
  } catch {
    // Storage refused: the choice still holds until the page is closed.
  }
  applyTheme(choice);
}

/**
 * At start-up, before the first render (main.tsx): the stored choice, and any change made in another
 * tab of this browser.
 */
export function startTheme(): void {
  applyTheme(storedTheme());
  window.addEventListener('storage', (event) => {
    if (event.key === THEME_KEY || event.key === null) applyTheme(storedTheme());
  });
}
