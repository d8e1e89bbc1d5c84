import { submitOnceJs } from './submit-once.js';

/**
 * /assets/signin.js — progressive enhancement of the hosted sign-in form (it works without
 * it): one submit at a time, and a field stops being marked invalid once it is edited.
 */
export const signinJs = `(function () {
  'use strict';
  var form = document.getElementById('kiosk-signin');
  if (!form) return;
${submitOnceJs}
  form.addEventListener('input', function (event) {
    var field = event.target;
    if (field && field.getAttribute && field.getAttribute('aria-invalid') === 'true') {
      field.removeAttribute('aria-invalid');
    }
  });
})();
`;
