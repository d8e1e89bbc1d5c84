// What the catalog read listener's tests compare between a kept answer and the route's.

/** Headers that must be the same on a warm answer as on the route's (not the request id). */
const answerHeaders = [
  'content-type',
  'content-length',
  'etag',
  'cache-control',
  'vary',
  'access-control-allow-origin',
  'access-control-allow-credentials',
  'access-control-expose-headers',
];

/** Those headers of an answer, by name (null where absent). */
export const pick = (headers: Headers) =>
  Object.fromEntries(answerHeaders.map((name) => [name, headers.get(name)]));
