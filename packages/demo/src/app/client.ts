import { createClient, type KioskClient } from '@kiosk/sdk';
import { configure } from '@kiosk/widgets';
import { apiEndpoint } from '../endpoint.js';

/** The app's one Kiosk client: the SDK calls below and every widget on the page share it. */
export const kiosk: KioskClient = createClient({
  endpoint: apiEndpoint(),
  storeKey: 'pk_test_aurora',
  locale: 'auto',
  currency: 'auto',
});

configure({ client: kiosk });
