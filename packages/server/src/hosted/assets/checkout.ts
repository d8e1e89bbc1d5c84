import { submitOnceJs } from './submit-once.js';

/**
 * /assets/checkout.js — progressive enhancement of the hosted checkout (it works without it):
 * a country picked re-renders the address form for it and a rate picked is saved at once
 * (without it, their Update buttons do that, which it hides); the card fields show only while
 * the card is the chosen method, the card number is grouped by four as it is typed, and one
 * submit at a time.
 */
export const checkoutJs = `(function () {
  'use strict';
  // With a change submitting itself, the Update buttons (for pages without JavaScript) go.
  var country = document.getElementById('ship-country');
  if (country && country.form) {
    var update = country.form.querySelector('[data-update-country]');
    if (update) update.hidden = true;
    country.addEventListener('change', function () { country.form.requestSubmit(update); });
  }
  var rates = document.getElementById('kiosk-rate');
  if (rates) {
    var updateRate = rates.querySelector('[data-update-rate]');
    if (updateRate) updateRate.hidden = true;
    rates.addEventListener('change', function () { rates.requestSubmit(); });
  }
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
  var cardFields = document.getElementById('card-fields');
  var radios = form.querySelectorAll('input[name="method"][type="radio"]');
  function showCard() {
    var chosen = form.querySelector('input[name="method"]:checked');
    if (cardFields && chosen) cardFields.hidden = chosen.value !== 'card';
  }
  for (var i = 0; i < radios.length; i++) radios[i].addEventListener('change', showCard);
  showCard();
${submitOnceJs}
})();
`;
