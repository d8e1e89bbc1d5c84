// Passkeys in Chromium with its virtual authenticator (the DevTools protocol's WebAuthn
// domain): sign up with a password, add a passkey at the interstitial, then sign in again with
// one tap — through the brand page's login button and its popup, and on the hosted page
// itself. WebAuthn refuses IP addresses as the relying party: the demo is on localhost.
import { createHash, randomBytes } from 'node:crypto';
import type { Page } from '@playwright/test';
import { apiPort, demoUrl } from './env.js';
import { expect, newShopper, servePage, test } from './fixtures.js';

/** A passkey as Chromium's virtual authenticator holds it (the protocol's WebAuthn.Credential). */
interface Credential {
  credentialId: string;
  isResidentCredential: boolean;
  rpId?: string;
  privateKey: string;
  userHandle?: string;
  signCount: number;
}

/**
 * A virtual platform authenticator (fingerprint reader) in `page`, holding `credentials`.
 * Each popup is a target of its own, so each gets an authenticator, with the passkeys the
 * last one made: as one device's would be.
 */
async function authenticator(page: Page, credentials: Credential[] = []) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  for (const credential of credentials) {
    await cdp.send('WebAuthn.addCredential', { authenticatorId, credential });
  }
  const added: Credential[] = [];
  cdp.on('WebAuthn.credentialAdded', (event) => added.push(event.credential));
  return { cdp, authenticatorId, added };
}

/** Opens the sign-in popup from the login button, with an authenticator in place as it loads. */
async function signInPopup(page: Page, credentials: Credential[] = []) {
  const login = page.locator('header.site-header kiosk-login-button');
  const popupPromise = page.waitForEvent('popup');
  await login.getByRole('button', { name: 'Sign in' }).click();
  const popup = await popupPromise;
  // The popup opens blank (a window opened at the click, before the PKCE challenge is
  // ready) and then goes to the sign-in page: a reload of the blank page would cancel that.
  await popup.waitForURL(/\/oauth\/authorize/);
  const device = await authenticator(popup, credentials);
  // Listened for before the reload: a one-tap sign-in can finish, and close the popup, while
  // the reload is still in flight, and a close already past is never reported again.
  const closed = popup.waitForEvent('close');
  // The page asked for passkeys as it loaded, before the authenticator was there: again. An
  // authenticator holding a passkey may already answer that first request, and the page then
  // posts it, aborting the reload: the sign-in goes on either way.
  await popup.reload().catch((error: Error) => {
    if (!/ERR_ABORTED|closed/.test(error.message)) throw error;
  });
  return { popup, device, closed };
}

test('through the login button: sign up, add a passkey, sign out, sign in with one tap', async ({
  page,
}) => {
  const shopper = newShopper('Pia Passkey');
  const login = page.locator('header.site-header kiosk-login-button');
  await page.goto('/brand.html');
  await expect(login).toHaveAttribute('state', 'signed-out');

  const { popup, device, closed } = await signInPopup(page);
  await popup.getByRole('link', { name: /create an account/i }).click();
  await popup.getByLabel('Name', { exact: true }).fill(shopper.name);
  await popup.getByLabel('Email').fill(shopper.email);
  await popup.getByLabel('Password').fill(shopper.password);
  await popup.getByRole('button', { name: 'Create account' }).click();
  await popup.getByRole('button', { name: 'Add a passkey' }).click();
  await closed;
  await expect(login).toHaveAttribute('state', 'signed-in');
  await expect.poll(() => device.added.length).toBe(1);

  // The account menu lists it (the browser and system it was made on), used or not yet.
  await login.getByRole('button', { name: /Pia Passkey/ }).click();
  await login.getByRole('menuitem', { name: 'Passkeys' }).click();
  const view = login.getByRole('dialog', { name: 'Passkeys' });
  await expect(view.getByRole('listitem')).toHaveCount(1);
  await expect(view.getByRole('listitem')).toContainText('Chrome');
  await expect(view.getByRole('listitem')).toContainText('Not used yet');
  await view.getByRole('button', { name: 'Back' }).click();
  await login.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(login).toHaveAttribute('state', 'signed-out');

  // The passkey in the email field's autofill: the virtual authenticator answers at once, as
  // the shopper's one tap would; the popup closes itself and the page is signed in.
  const again = await signInPopup(page, device.added);
  await again.closed;
  await expect(login).toHaveAttribute('state', 'signed-in');
  await login.getByRole('button', { name: /Pia Passkey/ }).click();
  await login.getByRole('menuitem', { name: 'Passkeys' }).click();
  await expect(view.getByRole('listitem')).toContainText(/Last used/);

  // Removed from the menu, it no longer signs in: the next popup offers it to no one.
  await view.getByRole('button', { name: 'Remove' }).click();
  await view.getByRole('button', { name: 'Yes, remove' }).click();
  await expect(view).toContainText('No passkeys yet');
});

const hosted = `http://localhost:${apiPort}`;

/** An authorization request as the SDK makes it, answered to a plain page of the demo. */
function authorization(redirectUri: string) {
  const verifier = randomBytes(32).toString('base64url');
  const q = new URLSearchParams({
    response_type: 'code',
    client_id: 'pk_test_aurora',
    redirect_uri: redirectUri,
    code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    code_challenge_method: 'S256',
    state: randomBytes(16).toString('base64url'),
  });
  return { url: `${hosted}/oauth/authorize?${q}`, verifier, redirectUri };
}

/** Redeems the code the client got, as the SDK does, and returns the signed-in shopper's token. */
async function redeem(page: Page, request: ReturnType<typeof authorization>) {
  const code = new URL(page.url()).searchParams.get('code');
  expect(code).toBeTruthy();
  const res = await fetch(`${hosted}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code: code!,
      code_verifier: request.verifier,
      redirect_uri: request.redirectUri,
      client_id: 'pk_test_aurora',
    }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { access_token: string }).access_token;
}

async function me<T>(token: string, path = ''): Promise<T> {
  const res = await fetch(`${hosted}/v1/customers/me${path}`, {
    headers: { 'x-kiosk-key': 'pk_test_aurora', authorization: `Bearer ${token}` },
  });
  expect(res.status).toBe(200);
  return (await res.json()) as T;
}

test('a shopper adds a passkey after signing up, then signs in with one tap', async ({ page }) => {
  const { cdp, authenticatorId } = await authenticator(page);
  const callback = `${demoUrl}${await servePage('passkey-callback.html', '<!doctype html><title>Back at the shop</title><p>Signed in.</p>')}`;
  const shopper = newShopper('Passkey Pia');

  await test.step('sign up with a password; the interstitial offers a passkey', async () => {
    const request = authorization(callback);
    await page.goto(`${request.url}&prompt=create`);
    await page.getByLabel('Name').fill(shopper.name);
    await page.getByLabel('Email').fill(shopper.email);
    await page.getByLabel('Password').fill(shopper.password);
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(
      page.getByRole('heading', { name: 'Sign in faster next time: add a passkey' }),
    ).toBeVisible();
    await expect(page.getByRole('button', { name: 'Not now' })).toBeVisible();
    await page.getByRole('button', { name: 'Add a passkey' }).click();
    await page.waitForURL(/passkey-callback\.html\?/);
    const token = await redeem(page, request);
    const { items } = await me<{ items: { name: string }[] }>(token, '/passkeys');
    expect(items).toHaveLength(1);
    expect(items[0]!.name).toContain('Chrome');
    const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
    expect(credentials).toHaveLength(1);
    expect(credentials[0]!.isResidentCredential).toBe(true);
  });

  await test.step('signed out, the sign-in page signs the shopper in from the passkey autofill', async () => {
    // Conditional UI: the page asks for a passkey as it loads; the browser offers it in the
    // email field's autofill, and Chromium's virtual authenticator answers such a request at
    // once, as a shopper picking it would.
    const request = authorization(callback);
    await page.goto(request.url);
    await page.waitForURL(/passkey-callback\.html\?/);
    const token = await redeem(page, request);
    expect((await me<{ email: string }>(token)).email).toBe(shopper.email);
    const { items } = await me<{ items: { lastUsedAt: string | null }[] }>(token, '/passkeys');
    expect(items[0]!.lastUsedAt).not.toBeNull();
  });

  await test.step('in a browser without passkey autofill, the button signs in with one tap', async () => {
    await page.addInitScript(() => {
      Object.defineProperty(PublicKeyCredential, 'isConditionalMediationAvailable', {
        value: undefined,
      });
    });
    const request = authorization(callback);
    await page.goto(request.url);
    await expect(page.getByLabel('Email')).toHaveAttribute('autocomplete', 'username webauthn');
    await page.getByRole('button', { name: 'Sign in with a passkey' }).click();
    await page.waitForURL(/passkey-callback\.html\?/);
    const token = await redeem(page, request);
    expect((await me<{ email: string }>(token)).email).toBe(shopper.email);
  });
});
