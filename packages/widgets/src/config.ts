import { createClient, followedLink, type KioskClient } from '@kiosk/sdk';

import { closestStore } from './context.js';
/** What the script tag's data-* attributes (or `configure`) say about the default store. */
export interface KioskConfig {
  endpoint?: string;
  storeKey?: string;
  /** BCP 47 tag or 'auto'. */
  locale?: string;
  /** ISO 4217 code or 'auto'. */
  currency?: string;
  /**
   * The URL of the brand's copy of `kiosk-sw.js` on its own origin (`data-service-worker`):
   * web push needs it, so without it cards offer notifications by email only (CONTRACT §6).
   */
  serviceWorker?: string;
  /** `off` (`data-analytics="off"`): the widgets neither dispatch nor send analytics events. */
  analytics?: string;
}

export interface ConfigureOptions extends KioskConfig {
  /** A client you created with `createClient` from `@kiosk/sdk`: every widget outside a `<kiosk-store>` uses it. */
  client?: KioskClient;
}

/** The key under which the CDN loader leaves the script tag's configuration on `globalThis`. */
export const CONFIG_KEY = Symbol.for('kiosk.config');

let configured: ConfigureOptions = {};
const clients = new Map<string, KioskClient>();
const listeners = new Set<() => void>();

/**
 * Sets the default client (or the endpoint and store key to create one from) for every
 * widget that isn't inside a `<kiosk-store>`. Widgets already on the page pick it up.
 */
export function configure(options: ConfigureOptions): void {
  configured = { ...options };
  for (const listener of listeners) listener();
}

/** Called when `configure` changes the default client. Returns an unsubscribe function. */
export function onConfigure(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The configuration in force: `configure()` first, then the loader's script tag. */
export function currentConfig(): KioskConfig {
  const fromScript = (globalThis as Record<symbol, KioskConfig | undefined>)[CONFIG_KEY] ?? {};
  return { ...fromScript, ...configured };
}

/**
 * The one client for an (endpoint, store key) pair. `<kiosk-store>` and the script tag share
 * this registry, so two elements naming the same store share a cart and two stores never mix.
 */
export function clientFor(config: KioskConfig): KioskClient {
  const key = storeIdOf(config.endpoint, config.storeKey);
  let client = clients.get(key);
  if (!client) {
    client = createClient({
      endpoint: config.endpoint ?? '',
      storeKey: config.storeKey ?? '',
      ...(config.locale ? { locale: config.locale } : {}),
      ...(config.currency ? { currency: config.currency } : {}),
    });
    clients.set(key, client);
  }
  return client;
}

/** The client for widgets outside any `<kiosk-store>`, or null when nothing is configured. */
export function defaultClient(): KioskClient | null {
  if (configured.client) return configured.client;
  const config = currentConfig();
  if (!config.endpoint || !config.storeKey) return null;
  return clientFor(config);
}

/**
 * The attribution code of this visit (CONTRACT §4): `?kiosk_ref=CODE` in the page URL, else
 * the last link followed within the attribution window (30 days), kept with its time in the
 * site's localStorage by the SDK (which also tells the server when it was followed, so the
 * store's own window decides).
 */
export function attributionRef(): string | undefined {
  return followedLink()?.code;
}

/**
 * The store `element` sells from, as `endpoint|storeKey`: its nearest `<kiosk-store>`, else the
 * page's configuration. Elements with the same answer share one client and so one cart and one
 * session, whether or not they sit in the same `<kiosk-store>` element.
 */
export function storeOf(element: Element): string | null {
  const scope = closestStore(element);
  if (scope) return storeIdOf(scope.endpoint, scope.storeKey);
  const client = defaultClient();
  return client ? storeId(client) : null;
}

/** A client's store, in storeOf's terms. */
export const storeId = (client: KioskClient) => storeIdOf(client.endpoint, client.storeKey);

/** One store's identity: the registry's key (clientFor) and what storeOf compares. */
function storeIdOf(endpoint: string | null | undefined, storeKey: string | null | undefined) {
  return `${endpoint}|${storeKey}`;
}
