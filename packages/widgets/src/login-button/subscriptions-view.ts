import type { KioskClient, NotificationSubscription } from '@kiosk/sdk';
import { html, nothing } from 'lit';
import type { AccountMenuHost } from './account-menu.js';
import { notificationsStrings } from './i18n/notifications/index.js';
import { ListView, type MenuViewOptions } from './menu-view.js';

/**
 * What the shopper is subscribed to (the "Notify me" of a card, a promotion's opt-in), a view
 * in the account menu's panel (menu-view.ts: why a view, and how it behaves): each one in
 * words, the channel it comes by, whether its email waits for the double opt-in, and Remove.
 * The SDK's list is the signed-in shopper's own on every channel plus this device's guest
 * ones. The file is named for subscriptions, not notifications: the size bench tells the
 * chunks loaded on request apart by name, and `notifications-*` is the SDK's part.
 *
 * This module and its strings are imported the first time the shopper opens the view
 * (account-menu.ts), so a signed-in menu costs nothing for it until asked.
 */
export class SubscriptionsView extends ListView<
  NotificationSubscription,
  typeof notificationsStrings.en
> {
  constructor(host: AccountMenuHost, options: MenuViewOptions) {
    super(
      host,
      options,
      { name: 'notifications', item: 'subscription', gone: 'subscription_not_found' },
      notificationsStrings,
    );
  }

  protected fetch(client: KioskClient) {
    return client.notifications.list();
  }

  protected removeOnServer(client: KioskClient, subscription: NotificationSubscription) {
    return client.notifications.unsubscribe(subscription.id);
  }

  /** "Back in stock: Classic Tee", "Promotions". */
  protected nameOf({ topic, product }: NotificationSubscription) {
    return this.i18n.t(`topic.${topic}`, { product: product?.title ?? '' });
  }

  protected renderDetails({ channel, email, status }: NotificationSubscription) {
    return html`<span class="muted">
        ${
          channel === 'push'
            ? this.i18n.t('channel.push')
            : email
              ? this.i18n.t('channel.emailTo', { email })
              : this.i18n.t('channel.email')
        }
      </span>
      ${status === 'pending' ? html`<span class="muted">${this.i18n.t('pending')}</span>` : nothing}`;
  }
}
