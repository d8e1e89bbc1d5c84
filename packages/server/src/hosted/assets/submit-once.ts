/**
 * The part of a hosted page's script that keeps its form to one submit at a time (the button
 * says aria-busy meanwhile), and usable again when the back/forward cache restores the page.
 * Expects a `form` variable in scope.
 */
export const submitOnceJs = `
  var submitting = false;
  form.addEventListener('submit', function (event) {
    if (submitting) { event.preventDefault(); return; }
    submitting = true;
    var button = form.querySelector('button[type="submit"]');
    if (button) button.setAttribute('aria-busy', 'true');
  });
  window.addEventListener('pageshow', function () {
    submitting = false;
    var button = form.querySelector('button[type="submit"]');
    if (button) button.removeAttribute('aria-busy');
  });`;
