"""What the browser tests check on every page: problems the browser saw, sideways scroll."""

import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit


@dataclass
class BrowserProblems:
    """Everything that went wrong in a page's life, as readable lines."""

    origin: str
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)
    bad_responses: list[str] = field(default_factory=list)

    def attach(self, page):
        page.on("console", self._on_console)
        page.on("pageerror", lambda error: self.page_errors.append(f"{page.url}: {error}"))
        page.on("requestfailed", self._on_request_failed)
        page.on("response", self._on_response)

    def _on_console(self, message):
        if message.type == "error":
            location = message.location or {}
            # Chromium asks for /favicon.ico by itself, at a moment of its choosing, for pages
            # that name no icon; test_site_icon_loads_… checks the icon on purpose instead.
            if location.get("url", "").endswith("/favicon.ico"):
                return
            self.console_errors.append(f"{location.get('url', '?')}:{location.get('lineNumber', '?')}: {message.text}")

    def _on_request_failed(self, request):
        failure = request.failure or ""
        # A navigation cancels the requests of the page it leaves (images still loading when a
        # link is clicked); that is the browser's normal housekeeping, not a broken resource.
        if "ERR_ABORTED" in failure:
            return
        self.failed_requests.append(f"{request.method} {request.url} ({request.resource_type}): {failure}")

    def _on_response(self, response):
        if response.status >= 400 and self._same_origin(response.url):
            request = response.request
            self.bad_responses.append(f"{response.status} {request.method} {response.url} ({request.resource_type})")

    def _same_origin(self, url):
        return urlsplit(url)[:2] == urlsplit(self.origin)[:2]

    def forget(self, url: str):
        """Forget what concerns one address: after visiting a page that must answer 404."""
        for found in (self.console_errors, self.page_errors, self.failed_requests, self.bad_responses):
            found[:] = [line for line in found if url not in line]

    def clear(self):
        """Forget what happened so far: after a step that expects an error (a 404 page)."""
        for found in (self.console_errors, self.page_errors, self.failed_requests, self.bad_responses):
            found.clear()

    def lines(self) -> list[str]:
        return (
            [f"console error: {line}" for line in self.console_errors]
            + [f"uncaught exception: {line}" for line in self.page_errors]
            + [f"failed request: {line}" for line in self.failed_requests]
            + [f"error response: {line}" for line in self.bad_responses]
        )

    def assert_none(self, where: str = ""):
        found = self.lines()
        assert not found, f"The browser saw problems{' ' + where if where else ''}:\n  " + "\n  ".join(found)


def assert_no_sideways_scroll(page):
    """The page is no wider than the window; on failure, name the elements that stick out."""
    widths = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    if widths[0] <= widths[1]:
        return
    culprits = page.evaluate(
        """(limit) => [...document.querySelectorAll('body *')]
            .filter(el => el.getBoundingClientRect().right > limit + 1)
            .slice(0, 8)
            .map(el => el.tagName.toLowerCase()
                       + (el.id ? '#' + el.id : '')
                       + (typeof el.className === 'string' && el.className.trim()
                          ? '.' + el.className.trim().split(/\\s+/).join('.') : '')
                       + ' right=' + Math.round(el.getBoundingClientRect().right))""",
        widths[1],
    )
    raise AssertionError(
        f"{page.url} scrolls sideways: content is {widths[0]} px wide in a {widths[1]} px window; "
        f"too wide: {', '.join(culprits) or '(none found)'}"
    )


def contains(text: str) -> re.Pattern:
    """A pattern for a locator's `name=` that matches names containing `text` literally. (Playwright
    passes the pattern to the browser as /source/, so a slash, as in "1/2569", must be escaped.)"""
    return re.compile(re.escape(text).replace("/", r"\/"))
