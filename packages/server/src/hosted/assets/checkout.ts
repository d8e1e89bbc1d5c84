import { submitOnceJs } from './submit-once.js';

/**
 * /assets/checkout.js — progressive enhancement of the hosted checkout (it works without it):
 * a country picked re-renders the address form for it and a rate picked is saved at once
 * (without it, their Update buttons do that); the card number is grouped by four as it is
 * typed, and one submit at a time.
 */
export const checkoutJs = `(function () {
  'use strict';
  var country = document.getElementById('ship-country');
  if (country && country.form) {
    country.addEventListener('change', function () {
      country.form.requestSubmit(country.form.querySelector('[data-update-country]'));
    });
  }
  var rates = document.getElementById('kiosk-rate');
  if (rates) rates.addEventListener('change', function () { rates.requestSubmit(); });
  var form = document.getElementById('kiosk-pay');
  if (!form) return;
  var card = form.querySelector('input[name="card"]');
  if (card) {
    card.addEventListener('input', function () {
      var digits = card.value.replace(/\\D/g, '').slice(0, 19);
      var grouped = digits.replace(/(\\d{4})(?=\\d)/g, '$1 ');
      if (grouped !== card.value) card.value = grouped;
    });
  }
${submitOnceJs}
})();
`;
