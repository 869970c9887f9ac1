// Posts a form marked data-autopost as soon as the page loads (the deep-linking response back to the course).
// Without JavaScript the page shows the form's button instead.
(function () {
  var form = document.querySelector('form[data-autopost="true"]');
  if (form) { form.submit(); }
})();
