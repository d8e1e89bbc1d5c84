/**
 * /assets/signin.js — progressive enhancement of the hosted sign-in form (it works without
 * it): one submit at a time, and a field stops being marked invalid once it is edited.
 */
export const signinJs = `(function () {
  'use strict';
  var form = document.getElementById('kiosk-signin');
  if (!form) return;
  var submitting = false;
  form.addEventListener('submit', function (event) {
    if (submitting) { event.preventDefault(); return; }
    submitting = true;
    var button = form.querySelector('button[type="submit"]');
    if (button) button.setAttribute('aria-busy', 'true');
  });
  // Back/forward cache: a page restored after submitting must be usable again.
  window.addEventListener('pageshow', function () {
    submitting = false;
    var button = form.querySelector('button[type="submit"]');
    if (button) button.removeAttribute('aria-busy');
  });
  form.addEventListener('input', function (event) {
    var field = event.target;
    if (field && field.getAttribute && field.getAttribute('aria-invalid') === 'true') {
      field.removeAttribute('aria-invalid');
    }
  });
})();
`;
