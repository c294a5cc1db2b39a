import { strings } from '../strings';

/** A six-digit code from an authenticator app, allowing the space some apps show in the middle. */
export const sixDigits = (value: string): string | null =>
  /^\d{6}$/.test(value.replace(/\s/g, '')) ? null : strings.fields.codeInvalid;
