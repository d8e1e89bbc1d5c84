import { KioskStore } from './store.js';

if (!customElements.get('kiosk-store')) customElements.define('kiosk-store', KioskStore);

export { KioskStore };
