from tests.admin.conftest import (  # noqa: F401 - the staff fixtures, shared with the admin tests
    officer,
    officer_client,
    other_officer,
    phangan,
    samui,
    secretariat_client,
    secretariat_user,
)
