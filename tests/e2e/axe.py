"""axe-core (vendored in vendor/, MPL-2.0) run inside the page: no serious or critical violation.

axe-core goes into the page through Playwright's `evaluate`, which the browser runs over its
debugging protocol and not as a page script, so the site's strict Content-Security-Policy
(script-src 'self') neither blocks it nor has to be bypassed: axe sees the page exactly as a
visitor gets it, with every style the CSP refuses left out.
"""

from pathlib import Path

AXE_VERSION = "4.14.1"
AXE_SOURCE = (Path(__file__).parent / "vendor" / "axe.min.js").read_text(encoding="utf-8")
BLOCKING_IMPACTS = ("serious", "critical")

_RUN_AXE = """async ([context, options]) => {
  const results = await axe.run(context || document, options);
  return results.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
    nodes: v.nodes.map(n => ({target: n.target.join(' '), html: n.html, summary: n.failureSummary})),
  }));
}"""


def axe_violations(page, *, exclude=(), rules=None) -> list[dict]:
    """Every violation axe finds on the page as it is now: all of axe's rules (WCAG 2.0, 2.1
    and 2.2 A and AA, and best practice) unless `rules` names some; `exclude` takes selectors."""
    if not page.evaluate("typeof window.axe === 'object'"):
        page.evaluate(AXE_SOURCE)
    options = {"resultTypes": ["violations"]}
    if rules:
        options["runOnly"] = {"type": "rule", "values": list(rules)}
    context = {"exclude": [[selector] for selector in exclude]} if exclude else None
    return page.evaluate(_RUN_AXE, [context, options])


def format_violations(violations: list[dict], *, url: str) -> str:
    lines = [f"axe-core {AXE_VERSION} found {len(violations)} serious or critical violation(s) on {url}:"]
    for violation in violations:
        lines.append(f"- [{violation['impact']}] {violation['id']}: {violation['help']} ({violation['helpUrl']})")
        for node in violation["nodes"][:6]:
            lines.append(f"    at {node['target']}")
            lines.append(f"       {node['html'][:200]}")
            for summary_line in (node["summary"] or "").splitlines()[:4]:
                lines.append(f"       {summary_line.strip()}")
        if len(violation["nodes"]) > 6:
            lines.append(f"    … and {len(violation['nodes']) - 6} more element(s)")
    return "\n".join(lines)


def assert_accessible(page, *, exclude=()):
    """No serious or critical axe violation on the page; the message lists each with where it is."""
    blocking = [v for v in axe_violations(page, exclude=exclude) if v["impact"] in BLOCKING_IMPACTS]
    assert not blocking, format_violations(blocking, url=page.url)
