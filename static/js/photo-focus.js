// The honoree form's photo: click the whole photo to set the focal point (the two percent fields),
// and see the square card crop follow. Without JavaScript the fields are typed in by hand.
(function () {
  "use strict";
  function start() {
  document.querySelectorAll("[data-photo-focus]").forEach(function (box) {
    var image = box.querySelector("[data-focus-image]");
    var marker = box.querySelector("[data-focus-marker]");
    var square = box.querySelector("[data-focus-card]");
    var cardImage = box.querySelector("[data-focus-card-image]");
    var inputX = document.getElementById(box.dataset.focusX);
    var inputY = document.getElementById(box.dataset.focusY);
    if (!image || !inputX || !inputY) return;
    var hint = box.querySelector("[data-focus-hint]");
    if (hint) hint.hidden = false;
    image.style.cursor = "crosshair";
    if (square) {
      square.style.backgroundImage = "url(\"" + square.dataset.src.replace(/"/g, "%22") + "\")";
    }

    function clamp(value) {
      var number = parseInt(value, 10);
      if (isNaN(number)) return 50;
      return Math.max(0, Math.min(100, number));
    }

    function show(changed) {
      var x = clamp(inputX.value), y = clamp(inputY.value);
      marker.style.left = x + "%";
      marker.style.top = y + "%";
      marker.hidden = false;
      if (square) {
        square.style.backgroundPosition = x + "% " + y + "%";
        if (changed && cardImage) {
          cardImage.hidden = true;
          square.hidden = false;
        }
      }
    }

    image.addEventListener("click", function (event) {
      var rect = image.getBoundingClientRect();
      inputX.value = clamp(Math.round(((event.clientX - rect.left) / rect.width) * 100));
      inputY.value = clamp(Math.round(((event.clientY - rect.top) / rect.height) * 100));
      show(true);
    });
    [inputX, inputY].forEach(function (input) {
      input.addEventListener("input", function () { show(true); });
    });
    show(false);
  });
  }
  // Admin media scripts load in <head>, before the form exists.
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
