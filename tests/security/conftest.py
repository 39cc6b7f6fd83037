import pytest
from django.contrib.auth import get_user_model

from tests.factories import make_honoree


@pytest.fixture
def admin_user(db):
    return get_user_model().objects.create_superuser("root", "root@example.org", "correct horse battery staple")


@pytest.fixture
def admin_client(client, admin_user):
    client.force_login(admin_user)
    return client


@pytest.fixture
def honoree(db):
    return make_honoree(name="นางสาวสมใจ ใจดี", name_en="Miss Somjai Jaidee")
