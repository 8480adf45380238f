"""The editorial desk: every article in every state, filtered, searched, sorted, and cheap."""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone
from wagtail.models import Workflow

from tests import builders
from tests.queries import queries_for

DESK = "/admin/news/articlepage/"


@pytest.fixture
def states(magazine, editor):
    """One article in each state the desk names, in South America unless said otherwise."""
    m = magazine
    draft = builders.article(m.americas, "A draft", [m.ana], live=False)
    live = builders.article(m.andes, "A live story", [m.ben], days_ago=2)
    changed = builders.article(m.politics, "Changed after publishing", [m.ana], days_ago=5)
    changed.standfirst = "Rewritten but not yet published."
    changed.save_revision()
    scheduled = builders.article(m.americas, "Scheduled for tomorrow", [m.ana], live=False)
    scheduled.go_live_at = timezone.now() + timedelta(days=1)
    scheduled.save_revision().publish()
    review = builders.article(m.americas, "Waiting for review", [m.ben], live=False)
    Workflow.objects.get(name="Editorial review").start(review, editor)
    return {
        "draft": draft,
        "live": live,
        "changed": changed,
        "scheduled": scheduled,
        "review": review,
    }


def rows(client, **params) -> dict[str, dict[str, str]]:
    """Each row of the desk as {headline: {column: text}}."""
    response = client.get(DESK, params)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    headers = [th.get_text(" ", strip=True) for th in soup.select("table thead th")]
    found = {}
    for tr in soup.select("table tbody tr"):
        cells = tr.find_all("td", recursive=False)
        title = cells[0].select_one(".title-wrapper, a, h2").get_text(strip=True)
        found[title] = dict(
            zip(headers[1:], (c.get_text(" ", strip=True) for c in cells[1:]), strict=False)
        )
    return found


def test_every_article_with_its_section_authors_and_status(client, editor, states):
    client.force_login(editor)
    found = rows(client)
    assert {title: row["Status"] for title, row in found.items()} == {
        "A draft": "Draft",
        "A live story": "Live",
        "Changed after publishing": "Live, with unpublished changes",
        "Scheduled for tomorrow": "Scheduled",
        "Waiting for review": "In review",
    }
    assert found["A live story"]["Section"] == "Andes"
    assert found["Waiting for review"]["Authors"] == "Ben Okafor"


@pytest.mark.parametrize(
    ("status", "title"),
    [
        ("draft", "A draft"),
        ("live", "A live story"),
        ("changed", "Changed after publishing"),
        ("scheduled", "Scheduled for tomorrow"),
        ("review", "Waiting for review"),
    ],
)
def test_filter_by_status(client, editor, states, status, title):
    client.force_login(editor)
    assert list(rows(client, status=status)) == [title]


def test_filter_by_section_author_and_date_and_search(client, magazine, editor, states):
    client.force_login(editor)
    in_americas = set(rows(client, section=magazine.americas.pk))
    assert in_americas == {
        "A draft",
        "A live story",
        "Scheduled for tomorrow",
        "Waiting for review",
    }
    assert set(rows(client, author=magazine.ben.pk)) == {"A live story", "Waiting for review"}
    since = (timezone.now() - timedelta(days=3)).isoformat()
    assert set(rows(client, display_date__gte=since)) == {"A live story"}
    assert set(rows(client, q="review")) == {"Waiting for review"}


def test_sorted_by_last_edit_and_by_display_date(client, editor, states):
    client.force_login(editor)
    newest_edit_first = list(rows(client))
    assert newest_edit_first[0] == "Waiting for review"
    soup = BeautifulSoup(client.get(DESK).content, "html.parser")
    by_date = next(a["href"] for a in soup.select("thead th a") if "Display date" in a.get_text())
    dated = [
        t for t in rows(client, **dict(p.split("=") for p in by_date.lstrip("?").split("&"))) if t
    ]
    assert dated.index("A live story") != dated.index("Changed after publishing")


def test_bad_filter_values_show_an_empty_list_not_an_error(client, editor, states):
    client.force_login(editor)
    for params in ({"section": "abc"}, {"author": "-1"}, {"status": "nope"}, {"section": "99999"}):
        assert rows(client, **params) == {}


def test_queries_do_not_grow_with_the_number_of_rows(client, magazine, editor):
    client.force_login(editor)
    hero = builders.image()
    for i in range(5):
        builders.article(
            magazine.andes, f"Story {i}", [magazine.ana, magazine.ben], hero_image=hero
        )
    few = queries_for(client, DESK)
    for i in range(5, 45):
        builders.article(magazine.politics, f"Story {i}", [magazine.ana], hero_image=hero)
    assert queries_for(client, DESK) == few


def test_authors_list_counts_live_articles_and_the_latest(client, magazine, editor):
    builders.article(magazine.americas, "Old", [magazine.ana], days_ago=9)
    builders.article(magazine.americas, "New", [magazine.ana, magazine.ben], days_ago=1)
    builders.article(magazine.americas, "Unpublished", [magazine.ana], live=False)
    client.force_login(editor)
    soup = BeautifulSoup(client.get("/admin/people/authorpage/").content, "html.parser")
    text = {
        tr.select_one("td").get_text(" ", strip=True).split(" Edit")[0]: tr.get_text(
            " ", strip=True
        )
        for tr in soup.select("table tbody tr")
    }
    assert " 2 " in text["Ana Lima"] and " 1 " in text["Ben Okafor"]


def test_dashboard_panels(client, editor, states):
    client.force_login(editor)
    soup = BeautifulSoup(client.get("/admin/").content, "html.parser")
    panels = {
        panel.select_one("h2").get_text(strip=True): [
            a.get_text(strip=True) for a in panel.select("td.title a")
        ]
        for panel in soup.select("section.w-panel--dashboard")
        if panel.select_one("h2")
    }
    assert panels["Awaiting your review"] == ["Waiting for review"]  # Wagtail's own panel
    assert panels["Scheduled to go live"] == ["Scheduled for tomorrow"]
    assert panels["Recently published"][:2] == ["A live story", "Changed after publishing"]
