"""The rules every list of articles follows: only what readers may see, newest first, limited."""

from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from news import listings
from tests import builders


def titles(cards) -> list[str]:
    return [card.title for card in cards]


@pytest.fixture
def hidden(magazine):
    """One article of each kind a reader must never see, all in South America by Ana."""
    americas, ana = magazine.americas, magazine.ana
    draft = builders.article(americas, "Draft", [ana], live=False)
    unpublished = builders.article(americas, "Unpublished", [ana])
    unpublished.unpublish()
    private = builders.article(americas, "Private", [ana])
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    scheduled = builders.article(americas, "Scheduled", [ana], live=False)
    scheduled.go_live_at = timezone.now() + timedelta(days=1)
    scheduled.save_revision().publish()  # with a future go-live date this only schedules it
    return [draft, unpublished, private, scheduled]


def test_articles_are_newest_first_and_only_what_readers_may_see(magazine, hidden):
    older = builders.article(magazine.americas, "Older", [magazine.ana], days_ago=3)
    newer = builders.article(magazine.politics, "Newer", [magazine.ben], days_ago=1)
    assert titles(listings.articles()) == [newer.title, older.title]


def test_section_lists_its_own_and_its_subsections_articles(magazine, hidden):
    own = builders.article(magazine.americas, "Own", [magazine.ana], days_ago=2)
    nested = builders.article(magazine.andes, "Nested", [magazine.ana], days_ago=1)
    builders.article(magazine.politics, "Elsewhere", [magazine.ana])
    assert titles(listings.section_articles(magazine.americas)) == [nested.title, own.title]
    assert titles(listings.section_articles(magazine.andes)) == [nested.title]


def test_author_lists_every_article_they_wrote_or_cowrote(magazine, hidden):
    solo = builders.article(magazine.politics, "Solo", [magazine.ben], days_ago=2)
    second = builders.article(magazine.americas, "Second byline", [magazine.ana, magazine.ben])
    assert titles(listings.author_articles(magazine.ben)) == [second.title, solo.title]


def test_cards_know_their_section(magazine):
    builders.article(magazine.andes, "Nested", [magazine.ana])
    (card,) = listings.with_sections(listings.articles())
    assert card.section.title == "Andes"


def test_more_in_section_excludes_the_article_and_stops_at_four(magazine, hidden):
    article = builders.article(magazine.americas, "This one", [magazine.ana])
    others = [
        builders.article(magazine.americas, f"Other {i}", [magazine.ben], days_ago=i)
        for i in range(1, 7)
    ]
    lists = listings.article_listings(article)
    assert titles(lists["more_in_section"]) == titles(others[:4])


def test_more_from_author_skips_what_more_in_section_already_shows(magazine, hidden):
    article = builders.article(magazine.americas, "This one", [magazine.ana, magazine.ben])
    in_section = builders.article(magazine.americas, "Ana in section", [magazine.ana], days_ago=1)
    elsewhere = [
        builders.article(magazine.politics, f"Ana elsewhere {i}", [magazine.ana], days_ago=1 + i)
        for i in range(1, 6)
    ]
    lists = listings.article_listings(article)
    assert titles(lists["more_in_section"]) == [in_section.title]
    assert titles(lists["more_from_author"]) == titles(elsewhere[:4])
    assert lists["primary_author"] == magazine.ana


def test_section_rails_hold_each_sections_latest_four_in_one_query(
    magazine, hidden, django_assert_num_queries
):
    hero = builders.image()
    americas = [
        builders.article(magazine.andes, f"Andes {i}", [magazine.ana], days_ago=i, hero_image=hero)
        for i in range(6)
    ]
    politics = builders.article(magazine.politics, "Politics", [magazine.ben], hero_image=hero)
    sections = [magazine.americas, magazine.politics]
    # articles() reads the view restrictions (2: the restricted pages, their paths); then the
    # rail query (1), renditions (1), bylines (1) and the cards' sections (1).
    with django_assert_num_queries(6):
        rails = listings.section_rails(sections, exclude=[americas[0].pk])
    assert [rail["section"] for rail in rails] == sections
    assert titles(rails[0]["articles"]) == titles(americas[1:5])
    assert titles(rails[1]["articles"]) == [politics.title]


def test_a_section_with_nothing_to_show_gets_no_rail(magazine):
    builders.article(magazine.politics, "Politics", [magazine.ben])
    rails = listings.section_rails([magazine.americas, magazine.politics])
    assert [rail["section"] for rail in rails] == [magazine.politics]


def test_related_coverage_starts_with_the_editors_picks_in_their_order(magazine, hidden):
    from news.models import RelatedArticle

    first = builders.article(magazine.politics, "First pick", [magazine.ben], days_ago=9)
    second = builders.article(magazine.politics, "Second pick", [magazine.ben], days_ago=8)
    article = builders.article(magazine.americas, "This one", [magazine.ana])
    article.related_links = [
        RelatedArticle(article=second, sort_order=0),
        RelatedArticle(article=hidden[0], sort_order=1),  # a draft: skipped
        RelatedArticle(article=first, sort_order=2),
    ]
    article.save_revision().publish()
    lists = listings.article_listings(article)
    assert titles(lists["related"])[:2] == ["Second pick", "First pick"]
    # Picks are not repeated in the lists below them.
    assert "Second pick" not in titles(lists["more_from_author"])


def test_related_coverage_is_topped_up_by_relevance_without_repeating_other_lists(magazine, hidden):
    article = builders.article(
        magazine.americas, "Copper mines expand in the Atacama", [magazine.ana], tags=["Mining"]
    )
    in_section = builders.article(magazine.americas, "Copper exports rise", [magazine.ben])
    relevant = builders.article(
        magazine.politics, "Atacama copper royalties debated", [magazine.ben]
    )
    also = builders.article(magazine.politics, "Mining unions strike", [magazine.ben], days_ago=2)
    builders.article(magazine.politics, "Senate recess begins", [magazine.ben], days_ago=3)
    builders.article(magazine.politics, "Copper draft", [magazine.ben], live=False)
    lists = listings.article_listings(article)
    assert titles(lists["more_in_section"]) == [in_section.title]
    assert titles(lists["related"]) == [relevant.title, also.title]
    every_card = [*lists["related"], *lists["more_in_section"], *lists["more_from_author"]]
    assert len({card.pk for card in every_card}) == len(every_card)
    assert article.pk not in {card.pk for card in every_card}
