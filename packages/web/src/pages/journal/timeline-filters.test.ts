import { describe, expect, it } from 'vitest';
import { filtersFrom, paramsFrom } from './timeline-filters';

describe('timeline filters in the address', () => {
  it('keeps the filters it knows and ignores anything else', () => {
    const params = new URLSearchParams(
      'kind=dream&sharing=to_bring&tag=1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed&q=%20the%20sea%20&x=1',
    );
    expect(filtersFrom(params)).toEqual({
      kind: 'dream',
      sharing: 'to_bring',
      tag: '1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed',
      q: 'the sea',
    });
    expect(filtersFrom(new URLSearchParams('kind=poem&sharing=everyone&tag=1;drop&q=%20'))).toEqual({});
  });

  it('writes only the filters that are set, so an unfiltered timeline has a bare address', () => {
    expect(paramsFrom({}).toString()).toBe('');
    expect(paramsFrom({ kind: 'check_in', q: 'ärger 😶' }).toString()).toBe('kind=check_in&q=%C3%A4rger+%F0%9F%98%B6');
    expect(filtersFrom(paramsFrom({ q: 'ärger 😶' }))).toEqual({ q: 'ärger 😶' });
  });
});
