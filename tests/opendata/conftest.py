from tests.public.conftest import hidden_honorees  # noqa: F401
