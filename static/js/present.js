// Presentation mode (/meetings/<slug>/present/): one slide at a time, moved with the arrow keys,
// Page Up/Down, space, Home/End, a click (left third back, elsewhere forward) or a swipe; "f"
// toggles full screen. Without JavaScript the slides simply follow one another down the page.
(() => {
  "use strict";
  const deck = document.querySelector("[data-deck]");
  if (!deck) return;
  const slides = Array.from(deck.querySelectorAll(".slide"));
  const nav = document.querySelector(".deck-nav");
  const status = document.querySelector("[data-deck-status]");
  let current = 0;

  function show(index) {
    current = Math.max(0, Math.min(slides.length - 1, index));
    slides.forEach((slide, i) => {
      slide.hidden = i !== current;
    });
    if (status) status.textContent = `${current + 1} / ${slides.length}`;
    history.replaceState(null, "", `#${current + 1}`);
  }

  const next = () => show(current + 1);
  const previous = () => show(current - 1);

  document.documentElement.classList.add("deck-on");
  if (nav) nav.hidden = false;
  const fromHash = parseInt(location.hash.slice(1), 10);
  show(Number.isFinite(fromHash) ? fromHash - 1 : 0);
  document.documentElement.classList.remove("deck-loading");

  document.addEventListener("keydown", (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const forward = ["ArrowRight", "ArrowDown", "PageDown", " ", "Enter"];
    const back = ["ArrowLeft", "ArrowUp", "PageUp", "Backspace"];
    if (event.target.closest("button") && (event.key === " " || event.key === "Enter")) return;
    if (forward.includes(event.key)) next();
    else if (back.includes(event.key)) previous();
    else if (event.key === "Home") show(0);
    else if (event.key === "End") show(slides.length - 1);
    else if (event.key === "f" || event.key === "F") toggleFullscreen();
    else return;
    event.preventDefault();
  });

  deck.addEventListener("click", (event) => {
    if (event.target.closest("a, button")) return;
    if (event.clientX < window.innerWidth / 3) previous();
    else next();
  });
  document.querySelector("[data-deck-prev]")?.addEventListener("click", previous);
  document.querySelector("[data-deck-next]")?.addEventListener("click", next);

  let touchX = null;
  deck.addEventListener("touchstart", (event) => {
    touchX = event.changedTouches[0].clientX;
  }, { passive: true });
  deck.addEventListener("touchend", (event) => {
    if (touchX === null) return;
    const moved = event.changedTouches[0].clientX - touchX;
    touchX = null;
    if (Math.abs(moved) > 50) (moved < 0 ? next : previous)();
  });

  function toggleFullscreen() {
    if (document.fullscreenElement) document.exitFullscreen?.();
    else document.documentElement.requestFullscreen?.().catch(() => {});
  }
})();
