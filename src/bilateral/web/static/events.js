// Events page: apply a filter as soon as a choice changes (the form still works without this).
(function () {
  var form = document.querySelector("form.filters");
  if (!form) return;
  form.querySelectorAll("select, input[type=date]").forEach(function (el) {
    el.addEventListener("change", function () { form.requestSubmit(); });
  });
})();
