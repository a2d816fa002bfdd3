// Filter forms: apply a filter as soon as a choice changes, and keep empty fields out of the
// URL so that it stays short enough to share (the form works the same without this script).
(function () {
  var form = document.querySelector("form.filters");
  if (!form) return;
  form.querySelectorAll("select, input[type=date]").forEach(function (el) {
    el.addEventListener("change", function () { form.requestSubmit(); });
  });
  form.addEventListener("submit", function () {
    form.querySelectorAll("input, select").forEach(function (el) {
      if (!el.value) el.disabled = true;
    });
  });
})();
