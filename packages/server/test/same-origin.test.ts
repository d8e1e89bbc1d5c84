import { describe, expect, it } from 'vitest';
import { fromOwnPage } from '../src/hosted/same-origin.js';

const self = new Set(['https://api.example', 'http://localhost:3000']);

describe('fromOwnPage (the hosted forms’ CSRF check)', () => {
  it('trusts an Origin that is one of the server’s own', () => {
    expect(fromOwnPage({ origin: 'https://api.example', secFetchSite: undefined }, self)).toBe(
      true,
    );
    expect(fromOwnPage({ origin: 'http://localhost:3000', secFetchSite: 'cross-site' }, self)).toBe(
      true,
    );
  });

  it('refuses another Origin, whatever Sec-Fetch-Site says', () => {
    expect(fromOwnPage({ origin: 'https://evil.example', secFetchSite: 'same-origin' }, self)).toBe(
      false,
    );
    expect(fromOwnPage({ origin: 'https://api.example:8443', secFetchSite: undefined }, self)).toBe(
      false,
    );
  });

  it('lets Sec-Fetch-Site decide when the Origin is null or missing', () => {
    for (const origin of ['null', undefined]) {
      expect(fromOwnPage({ origin, secFetchSite: 'same-origin' }, self)).toBe(true);
      expect(fromOwnPage({ origin, secFetchSite: 'same-site' }, self)).toBe(false);
      expect(fromOwnPage({ origin, secFetchSite: 'cross-site' }, self)).toBe(false);
      expect(fromOwnPage({ origin, secFetchSite: 'none' }, self)).toBe(false);
    }
  });

  it('refuses a post with neither header', () => {
    expect(fromOwnPage({ origin: undefined, secFetchSite: undefined }, self)).toBe(false);
  });
});
