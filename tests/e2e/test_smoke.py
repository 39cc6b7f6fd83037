import pytest

from tests.factories import make_honoree

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_citizen_opens_a_profile_from_the_home_page(live_server, phone):
    honoree = make_honoree(name="นางมาลี ศรีสุข")
    errors = []
    phone.on("pageerror", lambda error: errors.append(str(error)))
    phone.goto(live_server.url + "/")
    phone.get_by_role("link", name="นางมาลี ศรีสุข").first.click()
    phone.wait_for_url(f"**{honoree.get_absolute_url()}")
    assert phone.get_by_role("heading", level=1).inner_text() == "นางมาลี ศรีสุข"
    assert phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert errors == []
