"""Metadata of sections and articles for search engines and social networks."""

import dataclasses

from django.http import HttpRequest

from core import seo


def article_meta(article, request: HttpRequest, settings, authors: list, tags: list) -> seo.Meta:
    crops = seo.renditions(article.hero_image, request)
    url = article.get_full_url(request)
    published, modified = article.date, article.updated_at or article.date
    author_urls = [author.get_full_url(request) for author in authors]
    properties = [
        ("article:published_time", seo.iso(published)),
        ("article:modified_time", seo.iso(modified)),
        *(("article:author", author_url) for author_url in author_urls),
        ("article:section", article.section.title),
        *(("article:tag", tag.name) for tag in tags),
    ]
    news_article = {
        "@type": "NewsArticle",
        "headline": article.title,
        "description": article.standfirst,
        "mainEntityOfPage": url,
        "url": url,
        "datePublished": seo.iso(published),
        "dateModified": seo.iso(modified),
        "articleSection": article.section.title,
        "keywords": [tag.name for tag in tags],
        "author": [
            {"@type": "Person", "name": author.title, "url": author_url}
            for author, author_url in zip(authors, author_urls, strict=True)
        ],
        "publisher": seo.publisher(settings, request),
    }
    images = [
        seo.image_object(crops[spec], request) for spec in seo.ARTICLE_IMAGES if spec in crops
    ]
    if images:
        news_article["image"] = images
    return seo.Meta(
        title=article.seo_title or article.title,
        description=seo.summary(article.search_description or article.standfirst),
        canonical=url,
        og_type="article",
        image=seo.social_image(article.hero_image, crops, request),
        properties=properties,
        json_ld=[news_article, seo.breadcrumbs(article, request)],
    )


def section_meta(section, request: HttpRequest, page_number: int) -> seo.Meta:
    url = section.get_full_url(request)
    return seo.Meta(
        title=section.seo_title or section.title,
        description=seo.summary(section.search_description or section.intro),
        canonical=url if page_number == 1 else f"{url}?page={page_number}",
        json_ld=[seo.breadcrumbs(section, request)],
    )


def live_meta(meta: seo.Meta, page, updates: list[dict]) -> seo.Meta:
    """A live page's metadata: its article's, as a LiveBlogPosting with its coverage's start
    and end and its updates (`live_fragments.updates`), newest first."""
    newest = sorted(updates, key=lambda item: item["posted_at"], reverse=True)
    json_ld = []
    for data in meta.json_ld:
        if data.get("@type") == "NewsArticle":
            data = {
                **data,
                "@type": "LiveBlogPosting",
                "coverageStartTime": seo.iso(page.coverage_started_at),
                "liveBlogUpdate": [item["ld"] for item in newest],
            }
            if newest:
                data["dateModified"] = seo.iso(max(newest[0]["posted_at"], page.date))
            if page.ended_at:
                data["coverageEndTime"] = seo.iso(page.ended_at)
        json_ld.append(data)
    return dataclasses.replace(meta, json_ld=json_ld)
