"""Every public response carries the security headers; the admin keeps working beside them."""

import pytest

from tests import builders

PUBLIC = [
    "/en/",
    "article",
    "section",
    "/en/search/?q=rains",
    "/en/no-such-page/",
    "/en/feed/",
    "/robots.txt",
]


@pytest.fixture
def urls(magazine):
    article = builders.article(magazine.andes, "Rains return", [magazine.ana])
    return {"article": article.url, "section": magazine.andes.url}


def directives(header: str) -> dict[str, list[str]]:
    parts = [part.split() for part in header.split(";") if part.strip()]
    return {part[0]: part[1:] for part in parts}


@pytest.mark.parametrize("path", PUBLIC)
def test_public_responses_carry_every_security_header(client, urls, path):
    response = client.get(urls.get(path, path))
    assert response.status_code in (200, 404)
    policy = directives(response["Content-Security-Policy"])
    assert policy["script-src"] == ["'self'"]  # no inline script, no eval, nobody else's
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
    assert policy["object-src"] == ["'none'"] and policy["frame-ancestors"] == ["'none'"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    permissions = response["Permissions-Policy"]
    assert "camera=()" in permissions and "geolocation=()" in permissions


def test_embedded_videos_may_play(client, urls):
    policy = directives(client.get(urls["article"])["Content-Security-Policy"])
    assert "https://www.youtube-nocookie.com" in policy["frame-src"]


def test_the_admin_has_no_public_policy_and_its_preview_may_be_framed(admin_client, magazine):
    article = builders.article(magazine.andes, "In preview", [magazine.ana])
    login = admin_client.get("/admin/")
    assert "Content-Security-Policy" not in login
    preview = admin_client.get(f"/admin/pages/{article.pk}/edit/preview/")
    assert preview.status_code == 200
    assert preview["X-Frame-Options"] == "SAMEORIGIN"
