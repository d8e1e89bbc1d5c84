import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

/** A shopper's account at the test IdP: the claims its ID tokens carry. */
export interface IdpAccount {
  email?: string;
  email_verified?: boolean;
  name?: string;
}

export const IDP_CLIENT = { clientId: 'kiosk-test', clientSecret: 'idp-client-secret-1234' };

/**
 * A real OpenID Connect provider (oidc-provider) on loopback, playing "Google". Its login
 * and consent screens are skipped: whoever `signInAs` names is signed in and consents.
 */
export async function startTestIdp(redirectUri: string) {
  const accounts = new Map<string, IdpAccount>();
  let current = '';
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: IDP_CLIENT.clientId,
        client_secret: IDP_CLIENT.clientSecret,
        redirect_uris: [redirectUri],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    // Put the scopes' claims in the ID token, as Google does.
    conformIdTokenClaims: false,
    findAccount: (_ctx: unknown, sub: string) => ({
      accountId: sub,
      claims: () => ({ sub, ...accounts.get(sub) }),
    }),
    features: { devInteractions: { enabled: false } },
    ttl: { Interaction: 600, Grant: 600, Session: 600, AccessToken: 600, IdToken: 600 },
  });
  provider.use(async (ctx, next) => {
    if (!ctx.path.startsWith('/interaction/')) return next();
    const details = await provider.interactionDetails(ctx.req, ctx.res);
    const grant = new provider.Grant({ accountId: current, clientId: details.params.client_id! });
    grant.addOIDCScope(details.params.scope!);
    const grantId = await grant.save();
    ctx.redirect(
      await provider.interactionResult(ctx.req, ctx.res, {
        login: { accountId: current },
        consent: { grantId },
      }),
    );
  });
  server.on('request', provider.callback());
  return {
    issuer,
    /** The next sign-in at the IdP is this account (created or replaced with these claims). */
    signInAs(sub: string, account: IdpAccount) {
      accounts.set(sub, account);
      current = sub;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type TestIdp = Awaited<ReturnType<typeof startTestIdp>>;

/** A browser's trip through the IdP: follows its redirects with its cookies until it sends the shopper back. */
export async function browseIdp(start: string, back: string): Promise<string> {
  const jar = new Map<string, string>();
  let url = start;
  for (let hop = 0; hop < 10; hop++) {
    if (url.startsWith(back)) return url;
    const res = await fetch(url, {
      redirect: 'manual',
      headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    for (const cookie of res.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const at = pair!.indexOf('=');
      jar.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
    const location = res.headers.get('location');
    if (!location) throw new Error(`IdP stopped at ${res.status} ${url}`);
    url = new URL(location, url).toString();
  }
  throw new Error('Too many redirects at the IdP');
}
