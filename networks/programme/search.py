"""The programme's part of the site search (/honorees/?q=…): public organisations, learning
sources and lessons whose name or summary holds the words, each kind through its public(), all
in one query (a UNION), so the search page keeps its query budget."""

from django.db.models import CharField, Q, Value
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from halloffame import thai
from networks.programme.models import LearningSource, Lesson, ModelOrganisation

LIMIT = 15
# kind -> (label, model, searched fields, URL name)
KINDS = {
    "model": (_("องค์กรต้นแบบ"), ModelOrganisation, ("name", "name_en", "summary"), "programme:model-detail"),
    "learning": (_("แหล่งเรียนรู้"), LearningSource, ("name", "name_en", "what_you_learn"), "programme:learning-detail"),
    "lesson": (_("บทเรียนของเครือข่าย"), Lesson, ("name", "name_en", "summary"), "programme:lesson-detail"),
}


def programme_search(q: str) -> list[dict]:
    """[{"label", "items": [{"name", "url"}]}] for the kinds with matches."""
    if not q:
        return []
    parts = []
    for kind, (_label, model, fields, _url) in KINDS.items():
        condition = Q()
        for name in fields:
            condition |= Q(**{f"{name}__icontains": q})
        parts.append(
            model.objects.public()
            .filter(condition)
            .annotate(programme_kind=Value(kind, output_field=CharField()))
            .values_list("programme_kind", "slug", "name", "name_en")
            .order_by()
        )
    rows = parts[0].union(*parts[1:]).order_by("programme_kind", "name")[:LIMIT]
    english = thai.page_language() == "en"
    groups: dict[str, list] = {}
    for kind, slug, name, name_en in rows:
        url = reverse(KINDS[kind][3], kwargs={"slug": slug})
        groups.setdefault(kind, []).append({"name": name_en if english and name_en else name, "url": url})
    return [{"label": KINDS[kind][0], "items": groups[kind]} for kind in KINDS if kind in groups]
