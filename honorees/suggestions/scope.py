"""Which suggestions a staff account may see and act on. The staff roles and districts come from
the staff permission table (halloffame.staff.permissions); this is the only module of the app that imports it."""

from halloffame.staff import permissions
from honorees.suggestions.models import Suggestion

role_of = permissions.role_of
is_secretariat = permissions.is_secretariat
user_districts = permissions.user_districts
# Whether the account may add or edit a candidate like this one (the honorees' own rule).
honoree_refusal = permissions.refusal


def visible_suggestions(user, queryset=None):
    """The secretariat sees every district's suggestions, an officer only their districts'."""
    queryset = Suggestion.objects.all() if queryset is None else queryset
    role = role_of(user)
    if role == permissions.SECRETARIAT:
        return queryset
    if role == permissions.DISTRICT_OFFICER:
        return queryset.for_districts(user_districts(user))
    return queryset.none()


def covers(user, suggestion: Suggestion) -> bool:
    return permissions.covers_district(user, suggestion.district_id)
