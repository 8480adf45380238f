"""The readers' newsletter addresses, in each edition (/en/newsletters/…, /es/newsletters/…)."""

from django.urls import path

from . import views

urlpatterns = [
    path("", views.signup, name="newsletter_signup"),
    path("confirm/<str:token>/", views.confirm, name="newsletter_confirm"),
    path("withdraw/<str:token>/", views.cancel, name="newsletter_cancel"),
    path("subscription/<str:token>/", views.manage, name="newsletter_manage"),
    path(
        "unsubscribe/<str:token>/<int:newsletter_id>/",
        views.unsubscribe,
        name="newsletter_unsubscribe",
    ),
]
