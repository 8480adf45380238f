import pytest

from tests import builders


@pytest.fixture
def magazine(db) -> builders.Magazine:
    return builders.Magazine()
