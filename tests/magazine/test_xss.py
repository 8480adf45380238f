"""Script injection: whatever editors type in any field, and whatever a visitor puts in a URL, the
public pages, feeds and JSON-LD carry it as text, never as something a browser would run.

Each payload of the corpus (tests/magazine/xss.py) goes in every field an editor controls: the
article's headline, standfirst, dateline, hero caption and credit, tags, SEO title and
description, and its body (paragraph with a link, heading, pull quote, captioned image); the
picture's title, alt text, credit and caption; the author's name, role and bio; the section's
name and introduction; the magazine's name, tagline and footer. The article goes in through the
admin's editor, as a writer's would; rich text is stored as the editor stores it.
"""

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from taggit.models import Tag
from wagtail.admin.rich_text import get_rich_text_editor_widget
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from home.models import MagazineSettings
from news.models import ArticlePage
from tests import builders
from tests.magazine.xss import PAYLOADS, executable_parts, feed_problems


def stored_rich_text(html: str) -> str:
    """`html` as the admin's rich text editor sends it and the page stores it."""
    widget = get_rich_text_editor_widget()
    return widget.value_from_datadict({"field": rich_text(html)}, {}, "field")


def linked_paragraph(payload: str) -> str:
    # The payload as typed text, and as a link's address: the editor's link dialog takes any.
    text = payload.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    address = payload.replace('"', "&quot;")
    return f'<p>{text} <a href="{address}">a link</a></p>'


@pytest.fixture
def injected(request, magazine, admin_client):
    payload = request.param
    m = magazine
    site = MagazineSettings.for_site(m.home.get_site())
    site.name, site.tagline, site.footer_note = payload[:80], payload[:160], payload
    site.save()
    m.americas.title, m.americas.intro = payload, payload
    m.americas.save_revision().publish()
    m.ana.title, m.ana.role = payload, payload[:120]
    m.ana.bio = stored_rich_text(linked_paragraph(payload))
    m.ana.save_revision().publish()
    picture = builders.image(payload, credit=payload, caption=payload)
    picture.description = payload
    picture.save()

    draft = ArticlePage(title=payload, slug="copper-injection")
    body = streamfield(
        [
            ("paragraph", rich_text(linked_paragraph(payload))),
            ("heading", payload),
            ("pull_quote", {"text": payload, "attribution": payload}),
            (
                "captioned_image",
                {"image": picture.pk, "caption": payload, "credit": payload, "width": "inline"},
            ),
        ]
    )
    form = builders.article_form_data(draft, m.ana, hero=picture)
    form.update(
        {
            "standfirst": payload,
            "dateline": payload[:80],
            "hero_caption": payload,
            "hero_credit": payload,
            # Quoted, a tag name may hold anything but a double quote.
            "tags": '"copper {}"'.format(payload.replace('"', "'")),
            "seo_title": payload,
            "search_description": payload,
            "action-publish": "1",
            **body,
        }
    )
    response = admin_client.post(f"/admin/pages/add/news/articlepage/{m.americas.pk}/", form)
    assert response.status_code == 302, response.context["form"].errors
    m.article = ArticlePage.objects.get(slug="copper-injection")
    assert m.article.live and m.article.title == payload
    m.tag = Tag.objects.get()
    m.payload = payload
    return m


def reader_pages(m) -> list[str]:
    return [
        "/en/",
        m.americas.url,
        m.article.url,
        m.ana.url,
        m.people.url,
        "/en/search/?q=copper",
        f"/en/tags/{m.tag.slug}/",
    ]


FEEDS = ["/en/feeds/rss.xml", "/en/feeds/atom.xml", "/sitemap-pages.xml", "/news-sitemap.xml"]


@pytest.mark.parametrize("injected", PAYLOADS, indirect=True, ids=range(len(PAYLOADS)))
def test_editors_text_is_never_run_on_a_public_page(client, injected):
    m = injected
    for url in reader_pages(m):
        response = client.get(url)
        assert response.status_code == 200, url
        assert executable_parts(response.content.decode()) == [], url
    # The text is there, as text: escaping did not swallow it.
    soup = BeautifulSoup(client.get(m.article.url).content, "html.parser")
    assert soup.h1.get_text(strip=True) == m.payload.strip()
    assert m.payload.strip() in soup.find(class_="article__standfirst").get_text()
    feeds = FEEDS + [
        f"/en/feeds/section/{m.americas.pk}/rss.xml",
        f"/en/feeds/author/{m.ana.pk}/atom.xml",
    ]
    for url in feeds:
        response = client.get(url)
        assert response.status_code == 200, url
        assert feed_problems(response.content) == [], url


READER_PARAMETERS = [("/en/search/", {"q": payload}) for payload in PAYLOADS] + [
    ("/en/search/", {"q": "copper", "order": PAYLOADS[1]}),
    ("/en/search/", {"q": "copper", "section": PAYLOADS[0]}),
    ("/en/search/", {"q": "copper", "page": PAYLOADS[2]}),
    ("/en/news/", {"page": PAYLOADS[1]}),
    ("/en/tags/copper/", {"page": PAYLOADS[0]}),
]


@pytest.mark.parametrize(("path", "params"), READER_PARAMETERS)
def test_what_a_visitor_puts_in_the_address_is_never_run(magazine, path, params):
    builders.article(magazine.americas, "Copper output", [magazine.ana], tags=("copper",))
    response = Client(raise_request_exception=False).get(path, params)
    assert response.status_code in (200, 400, 404)
    assert executable_parts(response.content.decode()) == []


@pytest.mark.parametrize("payload", PAYLOADS[:4], ids=range(4))
def test_a_payload_in_the_path_is_never_run(db, payload):
    response = Client(raise_request_exception=False).get(f"/en/news/{payload}/")
    assert response.status_code == 404
    assert executable_parts(response.content.decode()) == []


@pytest.mark.parametrize("payload", PAYLOADS, ids=range(len(PAYLOADS)))
def test_live_updates_text_is_never_run(client, admin_client, magazine, payload):
    """A reporter's update (title, paragraph with a link, quote, correction) and the key
    points, on the live page, in the updates its readers' pages poll, and in its feed."""
    m = magazine
    live = builders.live_page(
        m.politics,
        "Live: the count",
        [m.ben],
        key_points=stored_rich_text(linked_paragraph(payload)),
    )
    data = builders.live_update_form_data(live, m.ana, "placeholder")
    for name in [key for key in data if key.startswith("body-")]:
        del data[name]
    body = streamfield(
        [
            ("paragraph", rich_text(linked_paragraph(payload))),
            ("pull_quote", {"text": payload, "attribution": payload}),
        ]
    )
    data.update(nested_form_data({"body": body}))
    data["title"] = payload[:160]
    with builders.committed():
        assert admin_client.post("/admin/snippets/news/liveupdate/add/", data).status_code == 302
    update = live.updates.get()
    data["correction"] = payload[:300]
    data["title"] = payload[:150] + " (corrected)"
    data["posted_at"] = update.posted_at.strftime("%Y-%m-%d %H:%M:%S")
    with builders.committed():
        edit = f"/admin/snippets/news/liveupdate/edit/{update.pk}/"
        assert admin_client.post(edit, data).status_code == 302

    page = client.get(live.url).content.decode()
    assert executable_parts(page) == []
    assert "(corrected)" in page
    polled = client.get(live.url + "updates/").json()
    for sent in polled["updates"]:
        assert executable_parts(sent["html"]) == []
    assert feed_problems(client.get(live.url + "feed/").content) == []
