import pytest


@pytest.fixture(autouse=True)
def _media_root(tmp_path, settings):
    """Every test writes its uploads to its own folder under pytest's tmp_path."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _thai_after_each_test():
    """A request to an English page leaves English active in the thread (LocaleMiddleware does not
    switch back); the next test would build its URLs with /en/."""
    yield
    from django.utils import translation

    translation.activate("th")


@pytest.fixture(autouse=True)
def _clear_cache():
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """pytest-django runs transactional tests last; among them, those that restore the database from
    its serialized copy (serialized_rollback) go before those that only flush it. After a plain
    flush, post_migrate recreates content types and groups with other keys than the copy's, and
    restoring the copy would clash with them."""

    def rank(item):
        marker = item.get_closest_marker("django_db")
        fixtures = set(getattr(item, "fixturenames", ()))
        if not ((marker and marker.kwargs.get("transaction")) or {"transactional_db", "live_server"} & fixtures):
            return 0
        return 1 if marker and marker.kwargs.get("serialized_rollback") else 2

    items.sort(key=rank)
