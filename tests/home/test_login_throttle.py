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
