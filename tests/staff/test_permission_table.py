"""The permission table, cell by cell: every role × step × status is allowed or refused with its
reason, and each role's group holds exactly the model permissions its allowed steps need."""

from datetime import date

import pytest
from django.contrib.auth.models import Group, User

from halloffame.staff import permissions
from halloffame.staff.services import staff_save
from honorees.models import Honoree
from networks.models import District

pytestmark = pytest.mark.django_db

STATUSES = ["draft", "nominated", "approved", "published", "rejected", "withdrawn"]
# ✓ allowed, · refused, for the statuses in STATUSES' order.
EXPECTED = {
    "view": {"district_officer": "✓✓✓✓✓✓", "secretariat": "✓✓✓✓✓✓"},
    "add": {"district_officer": "✓·····", "secretariat": "✓·····"},
    "edit": {"district_officer": "✓✓··✓·", "secretariat": "✓✓✓✓✓✓"},
    "nominate": {"district_officer": "✓···✓·", "secretariat": "✓···✓·"},
    "approve": {"district_officer": "······", "secretariat": "·✓····"},
    "reject": {"district_officer": "······", "secretariat": "·✓✓···"},
    "place": {"district_officer": "······", "secretariat": "··✓···"},
    "unplace": {"district_officer": "······", "secretariat": "··✓···"},
    "withdraw": {"district_officer": "✓✓··✓·", "secretariat": "✓✓✓✓✓·"},
    "withdraw_consent": {"district_officer": "✓✓✓·✓·", "secretariat": "✓✓✓✓✓·"},
    "delete": {"district_officer": "······", "secretariat": "✓···✓✓"},
}
CELLS = [
    (step, role, status, marks[STATUSES.index(status)] == "✓")
    for step, by_role in EXPECTED.items()
    for role, marks in by_role.items()
    for status in STATUSES
]


@pytest.fixture
def users(db):
    officer, _ = staff_save(
        username="officer", role="district_officer", district_codes=["8404"], password="Ko-Samui-8404!"
    )
    secretariat, _ = staff_save(username="secretariat", role="secretariat", password="Surat-Thani-84!")
    return {"district_officer": officer, "secretariat": secretariat}


def candidate(status, code="8404"):
    """With consent on record: the grid is about roles and statuses (consent: tests/admin/test_safer_steps.py)."""
    return Honoree(
        name="นางมาลี ศรีสุข",
        status=status,
        district=District.objects.get(code=code),
        consent_given_on=date(2024, 1, 1),
        consent_method="written",
        consent_covers_name=True,
    )


def test_the_table_covers_every_step_of_the_expected_grid():
    assert set(permissions.RULES) == set(EXPECTED)


@pytest.mark.parametrize("step,role,status,allowed", CELLS, ids=[f"{s}-{r}-{t}" for s, r, t, _a in CELLS])
def test_each_role_step_and_status_is_allowed_or_refused_with_its_reason(users, step, role, status, allowed):
    reason = permissions.refusal(users[role], step, candidate(status))
    if allowed:
        assert reason is None
    elif role not in permissions.RULES[step]:
        assert "ไม่มีสิทธิ์" in reason and "ฝ่ายเลขานุการจังหวัด" in reason
    else:
        assert str(Honoree.Status(status).label) in reason and "ทำได้เมื่อสถานะเป็น" in reason


@pytest.mark.parametrize("step", list(EXPECTED))
def test_an_officer_is_refused_every_step_in_another_district(users, step):
    reason = permissions.refusal(users["district_officer"], step, candidate("draft", code="8405"))
    assert reason is not None
    if "district_officer" in permissions.RULES[step]:
        assert "ไม่ได้อยู่ในอำเภอที่คุณรับผิดชอบ" in reason


@pytest.mark.parametrize("step", list(EXPECTED))
def test_staff_without_a_role_is_refused_every_step(step):
    nobody = User.objects.create_user("nobody", password="x", is_staff=True)
    assert "ยังไม่ได้กำหนดบทบาท" in permissions.refusal(nobody, step, candidate("draft"))


@pytest.mark.parametrize("action,officer_may", [("view", True), ("publish", False), ("edit", False), ("place", False)])
def test_meeting_steps(users, action, officer_may):
    assert permissions.meeting_refusal(users["secretariat"], action) is None
    reason = permissions.meeting_refusal(users["district_officer"], action)
    assert (reason is None) == officer_may
    if not officer_may:
        assert "เฉพาะฝ่ายเลขานุการจังหวัด" in reason


@pytest.mark.parametrize("role", permissions.ROLES)
def test_each_group_holds_exactly_the_permissions_its_allowed_steps_need(role):
    group = Group.objects.get(name=role)
    held = {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.select_related("content_type")}
    assert held == permissions.role_model_permissions(role)


def test_group_permissions_follow_the_table_when_it_changes(monkeypatch):
    monkeypatch.setitem(permissions.RULES, "delete", {"secretariat": frozenset(), "district_officer": frozenset()})
    permissions.role_groups_sync()
    assert Group.objects.get(name="district_officer").permissions.filter(codename="delete_honoree").exists()
    monkeypatch.undo()
    permissions.role_groups_sync()
    assert not Group.objects.get(name="district_officer").permissions.filter(codename="delete_honoree").exists()
