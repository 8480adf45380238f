"""The Redis cache the page cache runs on in production."""

import os
import uuid
import warnings

import pytest
from redis.utils import HIREDIS_AVAILABLE

from caching.redis_cache import MagazineRedisCache


@pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="needs REDIS_URL")
def test_keys_memcached_would_refuse_are_taken_without_a_warning():
    cache = MagazineRedisCache(os.environ["REDIS_URL"], {"KEY_PREFIX": uuid.uuid4().hex})
    key = "key:listing:section 7 " + "x" * 300  # a space and 300 characters
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        cache.set(key, "token")
        assert cache.get_many([key]) == {key: "token"}
    cache.delete(key)


def test_replies_are_parsed_by_hiredis():
    assert HIREDIS_AVAILABLE
