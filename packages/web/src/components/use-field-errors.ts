import { useMemo } from 'react';
import { fieldErrors } from '../api/errors';

/**
 * The server's field errors for a form's `validationErrors`, kept as one object per error. React
 * Aria shows server errors again whenever it receives a new object, so a fresh object on every
 * render would bring back an error the person has already put right.
 */
export function useFieldErrors(error: unknown, aliases?: Record<string, string>): Record<string, string> {
  return useMemo(() => fieldErrors(error, aliases), [error, aliases]);
}
