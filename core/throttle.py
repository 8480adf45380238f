"""Counting an action per window in the default cache (Redis in production), for limits on
what anyone may ask of the site without signing in: password guesses, newsletter sign-ups.
Counted per fixed window, so that a counter the cache loses early only resets its window."""

import time

from django.core.cache import cache


def _key(name: str, window: int, now: float) -> str:
    return f"throttle:{name}:{int(now // window)}"


def count(name: str, window: int) -> int:
    """How many times `name` was counted in the current window."""
    return cache.get(_key(name, window, time.time())) or 0


def add(name: str, window: int) -> None:
    key = _key(name, window, time.time())
    cache.add(key, 0, timeout=window)
    try:
        cache.incr(key)
    except ValueError:  # gone between add and incr
        cache.set(key, 1, timeout=window)


def seconds_left(window: int) -> int:
    """Until the current window ends (for Retry-After)."""
    return int(window - time.time() % window) + 1
