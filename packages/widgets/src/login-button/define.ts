import { KioskLoginButton } from './login-button.js';

if (!customElements.get('kiosk-login-button')) {
  customElements.define('kiosk-login-button', KioskLoginButton);
}

export { KioskLoginButton };
