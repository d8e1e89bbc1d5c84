// Adds a passkey the only way the server makes one: a shopper signs up on the hosted sign-in
// page of a device that can make passkeys, and says yes at the "add a passkey" offer; a
// software authenticator (the server's TestAuthenticator) answers the WebAuthn ceremony. Run
// here, in Node, by the `kiosk-passkey` test command: the hosted forms take posts from the
// server's own pages only (their CSRF check), which a test page on another origin is not.
import { createHash, randomBytes } from 'node:crypto';
// The workspace's server by path, not as a package: @kiosk/server depends on @kiosk/widgets
// (its share pages render cards with @kiosk/widgets/ssr), so a dependency back would be a cycle.
import { TestAuthenticator } from '../../server/dist/testing/index.js';

/** The hosted page's fields in an attribute or input value (HTML-escaped). */
function attribute(page, pattern) {
  const raw = new RegExp(pattern).exec(page)?.[1];
  if (raw === undefined) throw new Error(`No ${pattern} on the hosted page`);
  return raw
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/** A new authorization request's fields, as the SDK's login() sends them. */
function authorizationRequest(storeKey, redirectUri) {
  const verifier = randomBytes(32).toString('base64url');
  return {
    response_type: 'code',
    client_id: storeKey,
    redirect_uri: redirectUri,
    code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    code_challenge_method: 'S256',
    state: randomBytes(8).toString('hex'),
  };
}

/**
 * Signs up `email` on `api` (the store `storeKey`, answering `redirectUri`) and adds a passkey
 * made by a browser whose user agent is `userAgent` (the name the list shows comes from it).
 * `use`: then signs in with it once, so it has been used.
 */
export async function addPasskey({ api, storeKey, redirectUri, email, name, userAgent, use }) {
  const self = new URL(api).origin;
  const post = (path, request, fields) =>
    fetch(`${api}${path}`, {
      method: 'POST',
      redirect: 'manual',
      body: new URLSearchParams({ ...request, ...fields }),
      // From the hosted page itself, on a device whose page script found a platform authenticator.
      headers: { origin: self, cookie: 'kiosk_passkey_capable=1', 'user-agent': userAgent },
    });
  const signUp = authorizationRequest(storeKey, redirectUri);
  const offer = await post('/oauth/authorize', signUp, {
    intent: 'create',
    email,
    name,
    password: `${randomBytes(12).toString('base64url')} passkey test`,
  });
  const page = await offer.text();
  if (offer.status !== 200) throw new Error(`Sign-up answered ${offer.status}: ${page}`);
  const options = JSON.parse(attribute(page, 'data-options="([^"]*)"'));
  const authenticator = new TestAuthenticator(self);
  const added = await post('/oauth/passkeys/register', signUp, {
    passkey_challenge: attribute(page, 'name="passkey_challenge" value="([^"]*)"'),
    passkey_response: JSON.stringify(authenticator.register(options)),
  });
  if (added.status !== 302) {
    throw new Error(`Adding the passkey answered ${added.status}: ${await added.text()}`);
  }
  if (!use) return;
  const signIn = authorizationRequest(storeKey, redirectUri);
  const { challenge } = await (await post('/oauth/passkeys/options', signIn, {})).json();
  const used = await post('/oauth/passkeys/authenticate', signIn, {
    passkey_challenge: challenge,
    passkey_response: JSON.stringify(authenticator.assert(challenge)),
  });
  if (used.status !== 302) {
    throw new Error(`Signing in with the passkey answered ${used.status}: ${await used.text()}`);
  }
}
