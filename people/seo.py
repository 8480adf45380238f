"""Metadata of author pages and the people index."""

from django.http import HttpRequest

from core import seo


def author_meta(author, request: HttpRequest, page_number: int, links: list) -> seo.Meta:
    url = author.get_full_url(request)
    crops = seo.renditions(author.photo, request)
    person = {
        "@type": "Person",
        "name": author.title,
        "url": url,
        "description": seo.summary(author.bio),
        "jobTitle": author.role,
        "sameAs": [link.url for link in links],
    }
    if seo.ARTICLE_IMAGES[-1] in crops:
        person["image"] = seo.image_object(crops[seo.ARTICLE_IMAGES[-1]], request)
    return seo.Meta(
        title=author.seo_title or author.title,
        description=seo.summary(author.search_description or author.bio or author.role),
        canonical=url if page_number == 1 else f"{url}?page={page_number}",
        og_type="profile",
        image=seo.social_image(author.photo, crops, request),
        json_ld=[{"@type": "ProfilePage", "url": url, "mainEntity": person}],
    )


def people_meta(index, request: HttpRequest) -> seo.Meta:
    return seo.Meta(
        title=index.seo_title or index.title,
        description=seo.summary(index.search_description or index.intro),
        canonical=index.get_full_url(request),
    )
