import { submitOnceJs } from './submit-once.js';

/**
 * /assets/checkout.js — progressive enhancement of the hosted payment form (it works
 * without it): the card fields show only while the card is the chosen method, the card
 * number is grouped by four as it is typed, and one submit at a time.
 */
export const checkoutJs = `(function () {
  'use strict';
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
