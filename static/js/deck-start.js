// Loaded in <head>, before the slides are drawn: the deck shows one slide (the one the address
// names, #N) from the first paint, so nothing moves when present.js takes over.
document.documentElement.classList.add("deck-on", "deck-loading");
