import { describe, expect, it } from 'vitest';
import { formatMoney, percentOf } from './money.js';

describe('formatMoney', () => {
  it('writes pence as money in British English', () => {
    expect(formatMoney(7000, 'GBP')).toBe('£70.00');
    expect(formatMoney(5, 'GBP')).toBe('£0.05');
    expect(formatMoney(0, 'GBP')).toBe('£0.00');
    expect(formatMoney(123456, 'GBP')).toBe('£1,234.56');
    expect(formatMoney(-1250, 'EUR')).toBe('-€12.50');
    expect(formatMoney(7000, 'JPY')).toBe('JP¥7,000');
  });

  it('refuses fractions of a penny and malformed currencies', () => {
    expect(() => formatMoney(70.5, 'GBP')).toThrow(RangeError);
    expect(() => formatMoney(7000, 'pounds')).toThrow(RangeError);
  });
});

describe('percentOf', () => {
  it('rounds to the nearest penny, halves up', () => {
    expect(percentOf(7000, 100)).toBe(7000);
    expect(percentOf(7000, 50)).toBe(3500);
    expect(percentOf(7000, 33)).toBe(2310);
    expect(percentOf(4555, 50)).toBe(2278);
    expect(percentOf(6525, 33)).toBe(2153);
    expect(percentOf(7000, 0)).toBe(0);
    expect(percentOf(1, 50)).toBe(1);
    expect(percentOf(1, 49)).toBe(0);
  });
});
