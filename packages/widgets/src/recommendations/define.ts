import { KioskRecommendations } from './recommendations.js';

if (!customElements.get('kiosk-recommendations')) {
  customElements.define('kiosk-recommendations', KioskRecommendations);
}

export { KioskRecommendations };
