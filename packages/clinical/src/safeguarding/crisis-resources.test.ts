import { describe, expect, it } from 'vitest';
import { crisisResourcesFor, regionForTimeZone } from './crisis-resources.js';

describe('crisis resources', () => {
  it('gives the UK lines from the clinical reference', () => {
    const gb = crisisResourcesFor('GB');
    expect(gb.emergency.href).toBe('tel:999');
    expect(gb.resources.map((r) => r.href)).toEqual(['tel:116123', 'sms:85258?body=SHOUT', 'tel:111']);
  });

  it('gives 988 and 911 in the US', () => {
    const us = crisisResourcesFor('US');
    expect(us.emergency.href).toBe('tel:911');
    expect(us.resources[0]?.href).toBe('tel:988');
  });

  it('chooses the region from the practice time zone', () => {
    expect(regionForTimeZone('Europe/London')).toBe('GB');
    expect(regionForTimeZone('America/New_York')).toBe('US');
    expect(regionForTimeZone('US/Pacific')).toBe('US');
    expect(regionForTimeZone('Pacific/Honolulu')).toBe('US');
    expect(regionForTimeZone('Europe/Dublin')).toBe('GB');
  });
});
