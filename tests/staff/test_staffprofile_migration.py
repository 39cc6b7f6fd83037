"""Moving StaffProfile from networks to the staff app keeps every row and every permission."""

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from halloffame.staff.models import StaffProfile

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

BEFORE_THE_MOVE = [("networks", "0003_roles"), ("staff", None)]


def migrate(targets):
    # Through the command, as a deploy would: its signals drop and remake the database triggers.
    for app, name in targets:
        call_command("migrate", app, name or "zero", verbosity=0)
    return MigrationExecutor(connection).loader.project_state([t for t in targets if t[1]]).apps


def test_staff_profiles_keep_their_rows_districts_and_permissions_across_the_move():
    old = migrate(BEFORE_THE_MOVE)
    try:
        OldProfile = old.get_model("networks", "StaffProfile")
        OldUser = old.get_model("auth", "User")
        Permission = old.get_model("auth", "Permission")
        District = old.get_model("networks", "District")
        view_profiles = Permission.objects.get(content_type__app_label="networks", codename="view_staffprofile")
        for username, codes in (("officer_samui", ["8404", "8405"]), ("officer_chaiya", ["8406"])):
            user = OldUser.objects.create(username=username, is_staff=True)
            user.user_permissions.add(view_profiles)
            profile = OldProfile.objects.create(user=user)
            profile.districts.set(District.objects.filter(code__in=codes))
        old_ids = set(OldProfile.objects.values_list("pk", flat=True))
    finally:
        call_command("migrate", verbosity=0)

    assert set(StaffProfile.objects.values_list("pk", flat=True)) == old_ids
    samui = StaffProfile.objects.get(user__username="officer_samui")
    assert sorted(samui.districts.values_list("code", flat=True)) == ["8404", "8405"]
    assert list(User.objects.get(username="officer_chaiya").staff_profile.districts.values_list("code", flat=True)) == [
        "8406"
    ]
    assert StaffProfile._meta.db_table == "staff_staffprofile"
    assert User.objects.get(username="officer_samui").has_perm("staff.view_staffprofile")
