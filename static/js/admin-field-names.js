// Django's autocomplete fields (select2) name their combobox after the current choice, which is
// empty on a new form, so screen readers announce a nameless field. Name it after its label.
// select2 builds its widgets after jQuery's ready, at a moment of its own, so watch for them.
(function () {
  function nameAutocompleteFields() {
    document.querySelectorAll("select.admin-autocomplete").forEach(function (select) {
      var label = document.querySelector('label[for="' + select.id + '"]');
      var container = select.nextElementSibling;
      if (!label || !container || !container.classList.contains("select2")) return;
      var name = label.textContent.replace(/[:：]\s*$/, "").trim();
      container.querySelectorAll(".select2-selection, .select2-selection__rendered").forEach(function (element) {
        if (element.getAttribute("aria-label") !== name) element.setAttribute("aria-label", name);
      });
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    nameAutocompleteFields();
    new MutationObserver(nameAutocompleteFields).observe(document.body, { childList: true, subtree: true });
  });
})();
