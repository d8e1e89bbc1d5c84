// A page that signs in with login({ mode: 'redirect' }) and shows who is signed in after
// coming back from the hosted page. Driven by the `redirect-login` command of the WTR config.
(globalThis as { process?: unknown }).process = { env: { NODE_ENV: 'development' } };
const { createClient } = await import('../../src/index.js');

const params = new URLSearchParams(location.search);
const endpoint = params.get('endpoint') ?? sessionStorage.getItem('endpoint')!;
sessionStorage.setItem('endpoint', endpoint);
const kiosk = createClient({ endpoint, storeKey: 'pk_test_aurora' });
const result = document.getElementById('result')!;
await kiosk.ready;
result.textContent = kiosk.auth.$session.get()?.customer.email ?? 'signed out';
document.getElementById('login')!.addEventListener('click', () => {
  void kiosk.auth.login({ mode: 'redirect' });
});

export {};
