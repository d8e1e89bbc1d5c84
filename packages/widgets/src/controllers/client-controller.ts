import { type KioskClient, KioskError } from '@kiosk/sdk';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { clientFor, defaultClient, onConfigure } from '../config.js';
import { closestStore, STORE_CHANGE, type StoreScope } from '../context.js';

/**
 * Resolves the SDK client an element talks to: its nearest `<kiosk-store>` (crossing shadow
 * roots), else the configured / script-tag client. Re-resolves when the store's attributes
 * change or `configure()` is called, and tells its listeners (StoreController) about it.
 */
export class ClientController implements ReactiveController {
  /** The client in use, or null when none is configured (see `error`). */
  client: KioskClient | null = null;
  /** The `<kiosk-store>` around the host, if any. */
  scope: StoreScope | null = null;
  /** Why there is no client (bad configuration), if so. */
  error: KioskError | null = null;

  private readonly listeners = new Set<(client: KioskClient | null) => void>();
  private cleanup: (() => void)[] = [];

  constructor(private readonly host: ReactiveControllerHost & Element) {
    host.addController(this);
  }

  hostConnected(): void {
    this.resolve();
    const reresolve = () => this.resolve();
    this.cleanup.push(onConfigure(reresolve));
    const store = this.scope?.element;
    if (store) {
      store.addEventListener(STORE_CHANGE, reresolve);
      this.cleanup.push(() => store.removeEventListener(STORE_CHANGE, reresolve));
    }
  }

  hostDisconnected(): void {
    for (const undo of this.cleanup) undo();
    this.cleanup = [];
  }

  /** Listens for client changes; returns an unsubscribe function. */
  onChange(listener: (client: KioskClient | null) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private resolve(): void {
    this.scope = closestStore(this.host);
    let client: KioskClient | null = null;
    let error: KioskError | null = null;
    try {
      client = this.scope
        ? clientFor({
            endpoint: this.scope.endpoint ?? '',
            storeKey: this.scope.storeKey ?? '',
            ...(this.scope.locale ? { locale: this.scope.locale } : {}),
            ...(this.scope.currency ? { currency: this.scope.currency } : {}),
          })
        : defaultClient();
      if (!client) {
        error = new KioskError({
          code: 'not_configured',
          message:
            'No Kiosk store: set the script tag’s data-endpoint/data-store-key, or configure(), or <kiosk-store>.',
        });
      }
    } catch (e) {
      error =
        e instanceof KioskError
          ? e
          : new KioskError({ code: 'not_configured', message: String(e) });
    }
    this.error = error;
    if (client !== this.client) {
      this.client = client;
      for (const listener of this.listeners) listener(client);
      this.host.requestUpdate();
    }
  }
}
