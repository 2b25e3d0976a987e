/*
 * Brobygger: progressive enhancement only. Every page works without this file; it
 * initialises the DKFDS components and adds small behaviours driven by data- attributes.
 * No inline scripts or handlers anywhere (CSP: script-src 'self').
 *
 *   <form data-confirm="Vil du deaktivere brugeren?">       asks before the form is sent
 *   <button type="submit" data-confirm="Slet posten?">     asks for this button only
 *   <button type="button" data-print>Udskriv</button>       prints the page (hidden without JS)
 *   <input data-select-on-focus>                             selects the text on focus (tokens)
 */
(function () {
  'use strict';

  // Scripts run: let the DKFDS mobile menu take over from the no-JavaScript fallback.
  document.documentElement.classList.remove('no-js');
  document.documentElement.classList.add('js');

  function onReady(fn) {
    if (document.readyState === 'loading') {
      document.addEventListener('DOMContentLoaded', fn);
    } else {
      fn();
    }
  }

  // Ask before submitting when the submit button or the form carries data-confirm.
  function confirmBeforeSubmit(event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement)) {
      return;
    }
    var submitter = event.submitter;
    var message = (submitter && submitter.getAttribute('data-confirm')) || form.getAttribute('data-confirm');
    if (message && !window.confirm(message)) {
      event.preventDefault();
      event.stopImmediatePropagation();
    }
  }

  function enablePrintButtons() {
    var buttons = document.querySelectorAll('[data-print]');
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].hidden = false;
      buttons[i].addEventListener('click', function () {
        window.print();
      });
    }
  }

  function enableSelectOnFocus() {
    var inputs = document.querySelectorAll('[data-select-on-focus]');
    for (var i = 0; i < inputs.length; i++) {
      inputs[i].addEventListener('focus', function (event) {
        event.target.select();
      });
    }
  }

  document.addEventListener('submit', confirmBeforeSubmit, true);

  onReady(function () {
    if (window.DKFDS && typeof window.DKFDS.init === 'function') {
      window.DKFDS.init();
    }
    enablePrintButtons();
    enableSelectOnFocus();
  });
})();
