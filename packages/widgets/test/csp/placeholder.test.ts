import { expect } from '@open-wc/testing';

describe('CSP page', () => {
  it('has a Content-Security-Policy without unsafe-inline', () => {
    const csp = document.querySelector('meta[http-equiv="Content-Security-Policy"]');
    expect(csp?.getAttribute('content')).to.include("script-src 'self'");
    expect(csp?.getAttribute('content')).not.to.include('unsafe-inline');
  });
});
