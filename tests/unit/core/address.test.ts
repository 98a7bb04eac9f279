import { describe, expect, it } from 'vitest';
import { addressWithin, formatAddress, parseAddress } from '../../../src/model/address.js';

describe('addresses', () => {
  it('round-trips object and attribute addresses', () => {
    const text = 'prod/weblogic:hall/datasource:CoreDS#maxCapacity';
    const parts = parseAddress(text);
    expect(parts).toEqual({ env: 'prod', segments: [{ kind: 'weblogic', name: 'hall' }, { kind: 'datasource', name: 'CoreDS' }], attribute: 'maxCapacity' });
    expect(formatAddress(parts as never)).toBe(text);
  });

  it('keeps the slashes of a path-kind segment', () => {
    const text = 'lab/host:hall-web-01/file:/weblogic/domains/hall/bin/setUserOverrides.sh#content';
    const parts = parseAddress(text);
    expect(parts).toEqual({
      env: 'lab',
      segments: [{ kind: 'host', name: 'hall-web-01' }, { kind: 'file', name: '/weblogic/domains/hall/bin/setUserOverrides.sh' }],
      attribute: 'content',
    });
    expect(formatAddress(parts as never)).toBe(text);
    expect(parseAddress('lab/host:x/file:etc/motd')).toHaveProperty('error');
  });

  it('rejects malformed addresses with a message', () => {
    expect(parseAddress('prod')).toHaveProperty('error');
    expect(parseAddress('prod/weblogic')).toHaveProperty('error');
    expect(parseAddress('prod/weblogic:hall#')).toHaveProperty('error');
    expect(parseAddress('prod/Weblogic:hall')).toHaveProperty('error');
  });

  it('matches prefixes by whole segments', () => {
    expect(addressWithin('prod/weblogic:hall/server:s1', 'prod/weblogic:hall')).toBe(true);
    expect(addressWithin('prod/weblogic:hall2/server:s1', 'prod/weblogic:hall')).toBe(false);
    expect(addressWithin('prod/weblogic:hall#x', 'prod/weblogic:hall')).toBe(true);
  });
});
