"""Repeated failed sign-ins to the admin are paused, with a page that says so (django-axes)."""

from django.conf import settings


def sign_in(client, password: str):
    return client.post("/admin/login/", {"username": "editor", "password": password})


def test_sign_in_is_paused_after_repeated_failures(client, django_user_model):
    django_user_model.objects.create_user("editor", password="right horse battery", is_staff=True)
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        response = sign_in(client, "wrong")
        assert response.status_code == 200  # the form again, with its error
    locked = sign_in(client, "wrong")
    assert locked.status_code == 429
    assert "Signing in is paused for 15 minutes" in locked.content.decode()
    # Even the right password is refused while the pause lasts.
    assert sign_in(client, "right horse battery").status_code == 429


def test_a_few_mistakes_then_the_right_password_signs_in(client, django_user_model):
    django_user_model.objects.create_superuser("editor", password="right horse battery")
    for _ in range(settings.AXES_FAILURE_LIMIT - 2):
        sign_in(client, "wrong")
    assert sign_in(client, "right horse battery").status_code == 302


def test_behind_a_proxy_each_reader_is_counted_apart(client, django_user_model, settings):
    """With the balancer trusted, an attacker's failures lock only the attacker's address: the
    editor signs in from theirs."""
    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]
    django_user_model.objects.create_superuser("editor", password="right horse battery")
    balancer = {"REMOTE_ADDR": "10.0.0.2"}
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(
            "/admin/login/",
            {"username": "editor", "password": "wrong"},
            HTTP_X_FORWARDED_FOR="203.0.113.66",
            **balancer,
        )
    attacker = client.post(
        "/admin/login/",
        {"username": "editor", "password": "right horse battery"},
        HTTP_X_FORWARDED_FOR="203.0.113.66",
        **balancer,
    )
    assert attacker.status_code == 429
    editor = client.post(
        "/admin/login/",
        {"username": "editor", "password": "right horse battery"},
        HTTP_X_FORWARDED_FOR="198.51.100.20",
        **balancer,
    )
    assert editor.status_code == 302


def test_a_forged_forwarded_for_is_not_believed(client, django_user_model, settings):
    """Without trusted proxies, X-Forwarded-For is anyone's to write: it is ignored, and a
    new forged address each try does not escape the count."""
    settings.TRUSTED_PROXIES = []
    django_user_model.objects.create_superuser("editor", password="right horse battery")
    for n in range(settings.AXES_FAILURE_LIMIT):
        client.post(
            "/admin/login/",
            {"username": "editor", "password": "wrong"},
            HTTP_X_FORWARDED_FOR=f"198.51.100.{n}",
        )
    response = client.post(
        "/admin/login/",
        {"username": "editor", "password": "right horse battery"},
        HTTP_X_FORWARDED_FOR="198.51.100.99",
    )
    assert response.status_code == 429
