import { randomUUID } from 'node:crypto';
import type { ImmediateProvider } from './provider.js';

/** The one card number the test provider accepts (spaces and dashes ignored). */
export const TEST_CARD_NUMBER = '4242424242424242';

/**
 * The test provider: no money moves. The test card pays, in test mode only — a live store
 * refuses it, so a shopper can never get goods for a fake card. Any other card is declined.
 * Offered in live stores too: there it stands for the real card form a live provider adds.
 * Its refunds move no money either.
 */
export const testCardProvider: ImmediateProvider = {
  id: 'test-card',
  flow: 'immediate',
  method: 'card',
  available: () => true,
  async charge(store, _order, input) {
    if (input.card.replace(/[\s-]/g, '') !== TEST_CARD_NUMBER) {
      return { status: 'declined', reason: 'declined' };
    }
    if (store.mode !== 'test') return { status: 'declined', reason: 'test_card_in_live_mode' };
    return { status: 'paid', reference: `test_${randomUUID()}` };
  },
  // No money moved, so none goes back: the refund is taken as it is asked.
  async refund() {
    return { status: 'succeeded', reference: `test_refund_${randomUUID()}` };
  },
};
