/**
 * Junk for the fuzz test: values of every kind a field should never choke on, grouped by
 * class, and a seeded PRNG so a run is repeatable (KIOSK_FUZZ_SEED picks another run).
 */

/** mulberry32: small, fast, good enough to pick samples reproducibly. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const UUID = '3f1c2a9e-8b7d-4c6e-9a5f-0d1e2f3a4b5c';

/**
 * Junk by class. Each field gets the core values and one value drawn from every class, so
 * every kind of junk reaches every field and a run stays bounded; the seed decides which.
 */
export const junkClasses: Record<string, unknown[]> = {
  nul: [
    '\u0000',
    'ok\u0000ok',
    '\u0000'.repeat(20),
    'pk_\u0000',
    `${UUID}\u0000`,
    'a\u0000\u0000b',
  ],
  long: [
    'x'.repeat(5_000),
    'y'.repeat(40_000),
    'é'.repeat(3_000),
    '😀'.repeat(2_000),
    'a,'.repeat(2_000),
  ],
  unicode: [
    '\ud800',
    'a\udfffb',
    '\u202Egnp.live',
    '😀',
    '👩‍👩‍👧‍👦',
    'مرحبا',
    '\u200B',
    'e\u0301',
    '\uFEFF',
    '\uFFFF',
    'İı',
    '\u0085',
    '\r\n',
    '\t',
  ],
  number: [
    -1,
    0,
    1,
    5,
    6,
    100,
    101,
    999,
    1000,
    1e9,
    1e9 + 1,
    -1e9,
    -(2 ** 31) - 1,
    2 ** 31 - 1,
    2 ** 53,
    2 ** 53 + 1,
    2 ** 63,
    1e308,
    -1e308,
    1e-308,
    0.5,
    -0.5,
    1.25,
    Number.MAX_SAFE_INTEGER,
    -Number.MAX_SAFE_INTEGER,
  ],
  numericString: [
    'NaN',
    'Infinity',
    '-Infinity',
    '1e309',
    '-1',
    '0x10',
    '1_000',
    ' 1',
    '1e3',
    '2147483648',
    '9007199254740993',
    '00001',
    '1.5',
    '99999999999999999999.99',
    '0.001',
    '-0',
    '+1',
  ],
  wrongType: [{}, true, false, [], [1, 2], ['a'], { a: 1 }, [null], { '': '' }, [[[]]]],
  empty: ['', ' ', '   ', '\n'],
  injection: [
    "' OR 1=1 --",
    '<script>alert(1)</script>',
    "'; drop table stores; --",
    '"',
    '\\',
    '%',
    '_',
    '%_%',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: template-injection junk, on purpose.
    '${7*7}',
    '{{7*7}}',
    '../../etc/passwd',
    'javascript:alert(1)',
    '<img src=x onerror=alert(1)>',
    '\\u0000',
    '$1',
  ],
  identifier: [
    'not-a-uuid',
    '00000000-0000-0000-0000-00000000000g',
    UUID,
    UUID.toUpperCase(),
    `{${UUID}}`,
    UUID.replace(/-/g, ''),
    '00000000-0000-0000-0000-000000000000',
    'pk_test_nope',
    'sk_test_nope',
    'batch',
    'USD',
    'usd',
    'XXX',
    'ZZZ',
    'en',
    'zz-ZZ',
    'https://evil.example',
    'http://localhost',
    'a@b',
    'user@example.com',
    '2020-13-45T25:61:61Z',
    '9999999-01-01',
    'recent',
  ],
  cursor: [
    '!!not base64!!',
    b64({ a: 1 }),
    b64([]),
    b64('text'),
    b64([-1]),
    b64([1e300]),
    b64([2 ** 31]),
    b64([2 ** 40]),
    b64(['x', 'y']),
    b64(['1', UUID]),
    b64(['2020-01-01T00:00:00.000Z', 'nope']),
    b64(['-271821-04-20T00:00:00.000Z', UUID]),
    b64(['+275760-09-13T00:00:00.000Z', UUID]),
    b64(['0000-01-01T00:00:00Z', UUID]),
    b64(['2020-01-01T00:00:00.000Z\u0000', UUID]),
    b64(['recent', '1', UUID]),
    b64(['recent', '2020-01-01T00:00:00.000000Z', UUID, 'extra']),
    b64(['helpful', 1e300, '2020-01-01T00:00:00.000000Z', UUID]),
    b64(['helpful', 2 ** 31, '2020-01-01T00:00:00.000000Z', UUID]),
    b64(['rating_desc', 2.5, '2020-01-01T00:00:00.000000Z', UUID]),
    b64(['rating_asc', -1, 'Sat, 01 Jan 2000', UUID]),
    b64([1.5]),
    b64([null]),
    b64({ length: 1, 0: 1 }),
    Buffer.from('[1').toString('base64url'),
    'W10', // "[]" without padding
    `${b64([1])}===`,
  ],
};

/** Tried on every field: the kinds that reached the database or overflowed a column. */
const core: unknown[] = ['a\u0000b', null, 2 ** 31];

/**
 * The junk for one field: the core values plus one drawn from every class, or from
 * `classes` of them (seeded) for fields where the full set adds little (nested fields of a
 * large body, a parameter no operation has). Cursor fields (`after`) get the whole cursor
 * class: their decoding is where shapes matter.
 */
export function junkFor(random: () => number, field: string, classes = Infinity): unknown[] {
  const out = [...core];
  const names = Object.keys(junkClasses);
  while (names.length > classes) names.splice(Math.floor(random() * names.length), 1);
  for (const name of names) {
    const values = junkClasses[name]!;
    if (name === 'cursor' && field === 'after') out.push(...values);
    else out.push(values[Math.floor(random() * values.length)]);
  }
  return out;
}

/** How a value travels in a URL or a form field: strings as they are, the rest as JSON. */
export function asText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * Percent-encodes UTF-8 bytes (encodeURIComponent throws on lone surrogates; a client
 * sends them as the replacement character's bytes).
 */
export function pct(text: string): string {
  let out = '';
  for (const byte of new TextEncoder().encode(text)) {
    const ch = String.fromCharCode(byte);
    out += /[A-Za-z0-9\-_.~]/.test(ch)
      ? ch
      : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}
