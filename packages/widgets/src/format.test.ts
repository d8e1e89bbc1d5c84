import { expect } from '@open-wc/testing';
import { formatMoney } from './format.js';

/** The on-screen x of the character of `p`'s text at `index`, as laid out. */
function xOf(p: HTMLElement, index: number): number {
  const range = document.createRange();
  range.setStart(p.firstChild!, index);
  range.setEnd(p.firstChild!, index + 1);
  return range.getBoundingClientRect().left;
}

describe('formatMoney', () => {
  it('keeps "US$" whole beside the number in a right-to-left paragraph (Arabic)', () => {
    const p = document.createElement('p');
    p.dir = 'rtl';
    p.textContent = formatMoney({ amount: '25.00', currency: 'USD' }, 'ar');
    document.body.append(p);
    const text = p.textContent;
    const u = text.indexOf('U');
    const dollar = text.indexOf('$');
    const digit = text.search(/[0-9\u0660-\u0669]/);
    // Visually, left to right: "US$ 25.00": U, then S, then $, then the number to their right.
    expect(xOf(p, dollar), '$ after US').to.be.greaterThan(xOf(p, u));
    expect(xOf(p, digit), 'the number on the right').to.be.greaterThan(xOf(p, dollar));
    p.remove();
  });

  it('formats exactly, in the locale, left to right unchanged', () => {
    expect(formatMoney({ amount: '1234.50', currency: 'EUR' }, 'de')).to.equal('1.234,50\u00a0€');
    expect(formatMoney({ amount: '25.00', currency: 'USD' }, 'en')).to.equal('$25.00');
    expect(formatMoney({ amount: '9007199254740993.01', currency: 'USD' }, 'en')).to.equal(
      '$9,007,199,254,740,993.01',
    );
  });
});
