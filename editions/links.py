"""The links between editions on every reader's page: the language switcher, `hreflang`
alternates and og:locale.

A page links its translations that readers may see; in a language it has none in, the
switcher offers that edition's home instead (and no hreflang names it: hreflang is for the
same content). Pages that are views (search, a tag, a 404) offer the other edition's search or
home.
"""

from dataclasses import dataclass

from django.db.models import Q
from django.http import HttpRequest
from django.urls import translate_url
from django.utils.http import urlencode
from wagtail.models import Page, Site

from caching import fragments, surrogate_keys
from core.language import active
from core.view_restrictions import readable

from . import languages


@dataclass(frozen=True)
class EditionLink:
    language: str  # "es"
    name: str  # "Español", in its own language
    url: str  # for links: relative within the site (the switcher)
    full_url: str  # for search engines (hreflang)
    current: bool  # the edition being read
    same_content: bool  # the page's translation (hreflang), not the edition's home


@dataclass(frozen=True)
class Editions:
    links: tuple[EditionLink, ...]
    language: str

    @property
    def alternates(self) -> list[EditionLink]:
        """For `<link rel="alternate" hreflang>`: the page in each language it exists in."""
        return [link for link in self.links if link.same_content]

    @property
    def default(self) -> EditionLink | None:
        """hreflang's x-default: the default language's version, when there is one."""
        default = languages.codes()[0]
        return next((link for link in self.alternates if link.language == default), None)

    @property
    def others(self) -> list[EditionLink]:
        return [link for link in self.links if not link.current]

    @property
    def og_locale(self) -> str:
        return languages.og_locale(self.language)

    @property
    def og_alternates(self) -> list[str]:
        return [languages.og_locale(link.language) for link in self.alternates if not link.current]


def for_page(request: HttpRequest, page: Page) -> Editions:
    """The page's translations, each or the edition's home, as one fragment per page: kept
    until one of its translations (or an edition's home) is published or withdrawn."""
    # (A preview is made afresh and stores nothing: fragments.cached sees to it.)
    links = fragments.cached(
        fragments.name("editions", request, page.pk),
        lambda: _page_links(request, page),
        keys=[surrogate_keys.translations(page.translation_key)],
        request=request,
    )
    return Editions(links, active())


def _page_links(request: HttpRequest, page: Page) -> tuple[EditionLink, ...]:
    site = Site.find_for_request(request)
    home_key = site.root_page.translation_key if site else page.translation_key
    surrogate_keys.note(surrogate_keys.translations(home_key))
    found = readable(
        Page.objects.filter(Q(translation_key=page.translation_key) | Q(translation_key=home_key))
    ).select_related("locale")
    translations, homes = {}, {}
    for other in found:
        code = other.locale.language_code
        if other.translation_key == page.translation_key:
            translations[code] = other
        if other.translation_key == home_key:
            homes[code] = other
    own = active()  # the page's own: each edition's pages sit under its prefix
    links = []
    for code in languages.codes():
        target = page if code == own else translations.get(code) or homes.get(code)
        if target is None:
            continue
        links.append(
            EditionLink(
                language=code,
                name=languages.name(code),
                url=target.get_url(request),
                full_url=target.get_full_url(request),
                current=code == own,
                same_content=target is page or code in translations,
            )
        )
    return tuple(links)


def for_view(request: HttpRequest, search: str | None = None) -> Editions:
    """A view's links: each edition's home, and no hreflang (a tag, an error page: the same
    address may mean nothing in the other edition, and an error page must not repeat the
    address asked for). For search (`search` is the query), each edition's search for the same
    words; the filters name one edition's sections and authors, and stay behind."""
    own = active()
    links = []
    for code in languages.codes():
        if search is None:
            url = f"/{code}/"
        elif code == own:
            url = request.get_full_path()
        else:
            query = urlencode({"q": search}) if search else ""
            url = translate_url(request.path, code) + (f"?{query}" if query else "")
        links.append(
            EditionLink(
                language=code,
                name=languages.name(code),
                url=url,
                full_url=request.build_absolute_uri(url),
                current=code == own,
                same_content=search is not None,
            )
        )
    return Editions(tuple(links), own)
