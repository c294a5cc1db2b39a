/**
 * Money is held as integer minor units ("pence") with an ISO 4217 currency code from the practice.
 */

const formatters = new Map<string, Intl.NumberFormat>();

function formatterFor(currency: string): Intl.NumberFormat {
  let formatter = formatters.get(currency);
  if (!formatter) {
    formatter = new Intl.NumberFormat('en-GB', { style: 'currency', currency });
    formatters.set(currency, formatter);
  }
  return formatter;
}

/**
 * An amount in minor units written for a person in British English: formatMoney(7000, 'GBP') =
 * "£70.00", formatMoney(-1250, 'EUR') = "-€12.50". Currencies without minor units (JPY) are
 * counted in whole units. Throws RangeError for a malformed currency code.
 */
export function formatMoney(pence: number, currency: string): string {
  if (!Number.isInteger(pence))
    throw new RangeError(`An amount of money must be a whole number of pence, not ${pence}.`);
  const formatter = formatterFor(currency);
  const digits = formatter.resolvedOptions().maximumFractionDigits ?? 2;
  return formatter.format(pence / 10 ** digits);
}

/** `percent` of an amount, rounded to the nearest penny (halves up): percentOf(7000, 50) = 3500. */
export function percentOf(pence: number, percent: number): number {
  // Work in integers where possible so that 33% of £70.00 is exactly 2310, not 2309.9999….
  const scaled = pence * percent;
  return Number.isInteger(scaled) ? Math.floor((scaled + 50) / 100) : Math.round(scaled / 100);
}
