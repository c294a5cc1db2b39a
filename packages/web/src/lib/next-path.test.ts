import { describe, expect, it } from 'vitest';
import { safeNextPath } from './next-path';

describe('safeNextPath', () => {
  it('keeps a path inside the app', () => {
    expect(safeNextPath('/admin/audit?outcome=denied')).toBe('/admin/audit?outcome=denied');
  });

  it('refuses other sites and loops back to sign-in', () => {
    expect(safeNextPath('https://evil.example/')).toBe('/');
    expect(safeNextPath('//evil.example/')).toBe('/');
    expect(safeNextPath('/\\evil.example')).toBe('/');
    expect(safeNextPath('/sign-in/verify')).toBe('/');
    expect(safeNextPath('/setup')).toBe('/');
    expect(safeNextPath(null, '/account')).toBe('/account');
  });
});
