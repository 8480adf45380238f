"""/api/v2/: pages and images (api/views.py; docs/api.md)."""

from wagtail.api.v2.router import WagtailAPIRouter

from .views import ImagesEndpoint, PagesEndpoint

router = WagtailAPIRouter("api")
router.register_endpoint("pages", PagesEndpoint)
router.register_endpoint("images", ImagesEndpoint)
