"""The sitemaps list both editions, each page with `xhtml:link` alternates to its translations
(and itself), as search engines ask of multilingual sites."""

from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from core.view_restrictions import readable

# Translation keys looked up at once: below SQLite's limit on a query's parameters.
BATCH = 5000


class EditionsSitemap(Sitemap):
    def items(self):
        # Wagtail's lists the site's home and below: the English tree. The Spanish home is the
        # home's translation, beside it.
        homes = self.get_wagtail_site().root_page.get_translations(inclusive=True)
        in_a_home = Q()
        for home in homes.only("path"):
            in_a_home |= Q(path__startswith=home.path)
        return (
            readable(Page.objects.filter(in_a_home))
            .order_by("path")
            .defer_streamfields()
            .specific()
        )

    def _urls(self, page, protocol, domain):
        pages = list(self.paginator.page(page).object_list)
        alternates = self._alternates({page.translation_key for page in pages})
        urls, last_mods = [], set()
        for item in pages:
            found = alternates.get(item.translation_key, [])
            for url_info in item.get_sitemap_urls(self.request):
                if len(found) > 1:  # a page alone in its language names no alternates
                    url_info["alternates"] = found
                urls.append(url_info)
                last_mods.add(url_info.get("lastmod"))
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls

    def _alternates(self, keys: set) -> dict:
        """Each translation key's pages readers may see, as (language, full address)."""
        found: dict = {}
        keys = list(keys)
        for start in range(0, len(keys), BATCH):
            group = readable(Page.objects.filter(translation_key__in=keys[start : start + BATCH]))
            for page in group.select_related("locale").order_by("locale__language_code"):
                found.setdefault(page.translation_key, []).append(
                    {
                        "lang_code": page.locale.language_code,
                        "location": page.get_full_url(self.request),
                    }
                )
        return found
