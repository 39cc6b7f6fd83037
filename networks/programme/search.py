"""The programme's part of the site search (/honorees/?q=…): public organisations, learning
sources and lessons whose name or summary holds the words, each kind through its public()."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from networks.programme.models import LearningSource, Lesson, ModelOrganisation

LIMIT = 5
KINDS = [
    (_("องค์กรต้นแบบ"), ModelOrganisation, ("name", "name_en", "summary")),
    (_("แหล่งเรียนรู้"), LearningSource, ("name", "name_en", "what_you_learn")),
    (_("บทเรียนของเครือข่าย"), Lesson, ("name", "name_en", "summary")),
]


def programme_search(q: str) -> list[dict]:
    """[{"label", "items"}] for the kinds with matches, at most LIMIT items each (one query per kind)."""
    if not q:
        return []
    results = []
    for label, model, fields in KINDS:
        condition = Q()
        for name in fields:
            condition |= Q(**{f"{name}__icontains": q})
        items = list(model.objects.public().filter(condition).order_by("pk")[:LIMIT])
        if items:
            results.append({"label": label, "items": items})
    return results
