import type { KioskClient } from '@kiosk/sdk';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ReadableAtom } from 'nanostores';
import type { ClientController } from './client-controller.js';

/**
 * Subscribes the host to one nanostores store of its resolved client (`c => c.cart.$cart`)
 * and re-renders on every change. Follows the client when it changes; unsubscribes when the
 * host leaves the page, so the SDK can stop work nobody watches.
 *
 * ```ts
 * private cart = new StoreController(this, this.kiosk, (c) => c.cart.$cart);
 * render() { return html`${this.cart.value?.itemCount ?? 0}`; }
 * ```
 */
export class StoreController<T> implements ReactiveController {
  /** The store's current value (undefined while there is no client). */
  value: T | undefined = undefined;

  private unbind: (() => void) | undefined;
  private unlisten: (() => void) | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly clients: ClientController,
    private readonly select: (client: KioskClient) => ReadableAtom<T>,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.unlisten = this.clients.onChange(() => this.bind());
    this.bind();
  }

  hostDisconnected(): void {
    this.unlisten?.();
    this.unbind?.();
    this.unbind = undefined;
  }

  private bind(): void {
    this.unbind?.();
    this.unbind = undefined;
    const client = this.clients.client;
    if (!client) {
      this.value = undefined;
      this.host.requestUpdate();
      return;
    }
    this.unbind = this.select(client).subscribe((value) => {
      this.value = value;
      this.host.requestUpdate();
    });
  }
}
