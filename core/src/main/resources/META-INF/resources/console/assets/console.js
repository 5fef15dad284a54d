// Care console: small progressive enhancements; every page works without this file.
(function () {
  "use strict";
  // Ask before actions marked with data-confirm.
  document.addEventListener("click", function (ev) {
    var el = ev.target.closest ? ev.target.closest("[data-confirm]") : null;
    if (el && !window.confirm(el.getAttribute("data-confirm"))) {
      ev.preventDefault();
    }
  });
  // Stop double submits: a form's buttons are disabled once it is sent.
  document.addEventListener("submit", function (ev) {
    var form = ev.target;
    if (form.method && form.method.toLowerCase() === "post") {
      setTimeout(function () {
        form.querySelectorAll("button").forEach(function (b) { b.disabled = true; });
      }, 0);
    }
  });
  // Put keyboard focus on the first field in error, else on the page's alert.
  document.addEventListener("DOMContentLoaded", function () {
    var bad = document.querySelector("[aria-invalid=true]") || document.querySelector("[role=alert]");
    if (bad) {
      if (!bad.hasAttribute("tabindex") && bad.tagName === "P") { bad.setAttribute("tabindex", "-1"); }
      bad.focus();
    }
  });
})();
