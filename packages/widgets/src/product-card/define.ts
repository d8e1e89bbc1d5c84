import { KioskProductCard } from './product-card.js';

if (!customElements.get('kiosk-product-card')) {
  customElements.define('kiosk-product-card', KioskProductCard);
}

export { KioskProductCard };
