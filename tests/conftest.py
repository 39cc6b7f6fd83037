import pytest


@pytest.fixture(autouse=True)
def _media_root(tmp_path, settings):
    """Every test writes its uploads to its own folder under pytest's tmp_path."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _clear_cache():
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
