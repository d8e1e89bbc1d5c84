import { KioskError } from '@kiosk/sdk';
import { expect } from '@open-wc/testing';
import { errorKey } from './error-key.js';

const error = (code: string, status: number) => new KioskError({ code, status, message: code });
const keys = {
  codes: { out_of_stock: 'stock', unauthenticated: 'signIn' },
  signedOut: 'signedOut',
  network: 'network',
  other: 'failed',
} as const;

describe('errorKey', () => {
  it('names the message by code first, then 401, then no connection, else the fallback', () => {
    expect(errorKey(error('out_of_stock', 409), keys)).to.equal('stock');
    expect(errorKey(error('unauthenticated', 401), keys)).to.equal('signIn');
    expect(errorKey(error('invalid_token', 401), keys)).to.equal('signedOut');
    expect(errorKey(error('network_error', 0), keys)).to.equal('network');
    expect(errorKey(error('internal', 500), keys)).to.equal('failed');
    expect(errorKey(error('network_error', 0), { other: 'failed' })).to.equal('failed');
  });
});
