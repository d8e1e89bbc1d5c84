import { KioskMiniCart } from './mini-cart.js';

if (!customElements.get('kiosk-mini-cart')) customElements.define('kiosk-mini-cart', KioskMiniCart);

export { KioskMiniCart };
