// A local OpenID Connect provider ("Demo ID", oidc-provider) for the demo's stores, so a
// newcomer can try "Continue with …" offline. Its sign-in screen asks for an email and a
// name, and whether the email counts as verified: nothing is checked, it is a stand-in.
import { createServer } from 'node:http';
import Provider from 'oidc-provider';

const CLIENT = { client_id: 'kiosk-demo', client_secret: 'kiosk-demo-idp-secret' };

const htmlText = (s) => String(s).replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

function loginPage(uid) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Demo ID</title></head>
<body style="font-family:system-ui;max-width:24rem;margin:3rem auto">
<h1>Demo ID</h1>
<p>A local identity provider for the Kiosk demo. Any email works.</p>
<form method="post" action="/interaction/${htmlText(uid)}">
<p><label>Email <input name="email" type="email" required autocomplete="email"></label></p>
<p><label>Name <input name="name" autocomplete="name"></label></p>
<p><label><input name="verified" type="checkbox" checked> The email is verified</label></p>
<p><button type="submit">Continue to the shop</button></p>
</form></body></html>`;
}

/** Starts Demo ID on `host:port`, named `urlHost` in its URLs, for a Kiosk API at `apiUrl`. */
export async function startDemoIdp({ host, urlHost = host, port, apiUrl }) {
  const issuer = `http://${urlHost.includes(':') ? `[${urlHost}]` : urlHost}:${port}`;
  const accounts = new Map();
  const provider = new Provider(issuer, {
    clients: [
      {
        ...CLIENT,
        redirect_uris: [`${apiUrl}/oauth/providers/demo/callback`],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    conformIdTokenClaims: false,
    findAccount: (_ctx, sub) => ({ accountId: sub, claims: () => ({ sub, ...accounts.get(sub) }) }),
    features: { devInteractions: { enabled: false } },
    ttl: { Interaction: 600, Grant: 600, Session: 600, AccessToken: 600, IdToken: 600 },
  });
  provider.use(async (ctx, next) => {
    const uid = /^\/interaction\/([\w-]+)$/.exec(ctx.path)?.[1];
    if (!uid) return next();
    const details = await provider.interactionDetails(ctx.req, ctx.res);
    if (ctx.method !== 'POST') {
      ctx.type = 'html';
      ctx.body = loginPage(uid);
      return;
    }
    let raw = '';
    for await (const chunk of ctx.req) raw += chunk;
    const form = new URLSearchParams(raw);
    const email = (form.get('email') ?? '').trim().toLowerCase();
    const sub = `demo-${email}`;
    accounts.set(sub, {
      email,
      email_verified: form.get('verified') === 'on',
      name: form.get('name') || email.split('@')[0],
    });
    const grant = new provider.Grant({ accountId: sub, clientId: details.params.client_id });
    grant.addOIDCScope(details.params.scope);
    const grantId = await grant.save();
    ctx.redirect(
      await provider.interactionResult(ctx.req, ctx.res, {
        login: { accountId: sub },
        consent: { grantId },
      }),
    );
  });
  const server = createServer(provider.callback());
  await new Promise((resolve, reject) => server.once('error', reject).listen(port, host, resolve));
  return {
    issuer,
    /** The identity provider as `PUT /admin/v1/identity-providers/demo` takes it. */
    provider: {
      name: 'Demo ID',
      issuer,
      clientId: CLIENT.client_id,
      clientSecret: CLIENT.client_secret,
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(resolve);
      }),
  };
}

/** Enables Demo ID for a store (idempotent: PUT replaces it). */
export async function enableDemoIdp(apiUrl, secretKey, provider) {
  const res = await fetch(`${apiUrl}/admin/v1/identity-providers/demo`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${secretKey}`, 'content-type': 'application/json' },
    body: JSON.stringify(provider),
  });
  if (!res.ok) throw new Error(`enabling Demo ID: ${res.status} ${await res.text()}`);
}
