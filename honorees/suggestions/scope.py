"""Which suggestions a staff account may see and act on. The staff roles and districts come from
the staff permission table (halloffame.staff.permissions); this is the only module of the app that imports it."""

from django.db.models import Count, Q

from halloffame.staff import permissions
from honorees.suggestions.models import Suggestion

role_of = permissions.role_of
user_districts = permissions.user_districts
# Whether the account may add or edit a candidate like this one (the honorees' own rule).
honoree_refusal = permissions.refusal


def may_handle(user) -> bool:
    """The roles that work on the queue at all (the permission table's "handle_suggestions")."""
    return role_of(user) in permissions.OFFICE_RULES["handle_suggestions"]


def may_delete(user) -> bool:
    return role_of(user) in permissions.OFFICE_RULES["delete_suggestions"]


def visible_suggestions(user, queryset=None):
    """The secretariat sees every district's suggestions, an officer only their districts'."""
    queryset = Suggestion.objects.all() if queryset is None else queryset
    if not may_handle(user):
        return queryset.none()
    if role_of(user) == permissions.SECRETARIAT:
        return queryset
    return queryset.for_districts(user_districts(user))


def covers(user, suggestion: Suggestion) -> bool:
    return permissions.covers_district(user, suggestion.district_id)


def suggestions_per_district(user):
    """The user's districts that have open suggestions, each with `new` (not yet looked at) and
    `open` counts: the queue's summary and the dashboards' line."""
    if not may_handle(user):
        return user_districts(user).none()
    return (
        user_districts(user)
        .annotate(
            new=Count("suggestions", filter=Q(suggestions__status=Suggestion.Status.RECEIVED)),
            open=Count("suggestions", filter=Q(suggestions__status__in=Suggestion.OPEN_STATUSES)),
        )
        .filter(open__gt=0)
        .order_by("code")
    )
