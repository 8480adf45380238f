"""The editorial desk: every article, whatever its state, as the admin's "Articles" list shows it.

`desk_articles()` loads everything a row shows (section, byline, status) in a fixed number of
queries, so a page of the list costs the same with 25 articles as with 100, among thousands.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Exists, OuterRef, Prefetch, QuerySet, Subquery
from django.db.models.functions import Cast, Length, Substr
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, Revision, WorkflowState

from editions.desk import with_translation_state

from .models import ArticleAuthor, ArticlePage

# The states an article can be in, as the desk names them, most pressing first.
IN_REVIEW, SCHEDULED, CHANGED, LIVE, DRAFT = "review", "scheduled", "changed", "live", "draft"
STATUS_LABELS = {
    IN_REVIEW: _("In review"),
    SCHEDULED: _("Scheduled"),
    CHANGED: _("Live, with unpublished changes"),
    LIVE: _("Live"),
    DRAFT: _("Draft"),
}


def desk_articles() -> QuerySet[ArticlePage]:
    """All articles, each with `desk_section`, `desk_in_review`, `desk_scheduled` and its byline."""
    page_type = ContentType.objects.get_for_model(Page)
    page_id = Cast(OuterRef("pk"), output_field=CharField())
    parent_path = Substr(OuterRef("path"), 1, Length(OuterRef("path")) - Page.steplen)
    return (
        with_translation_state(ArticlePage.objects.all())
        .annotate(
            desk_section=Subquery(Page.objects.filter(path=parent_path).values("title")[:1]),
            desk_in_review=Exists(
                WorkflowState.objects.filter(
                    base_content_type=page_type,
                    object_id=page_id,
                    status=WorkflowState.STATUS_IN_PROGRESS,
                )
            ),
            desk_scheduled=Exists(
                Revision.objects.filter(
                    base_content_type=page_type,
                    object_id=page_id,
                    approved_go_live_at__isnull=False,
                )
            ),
        )
        .prefetch_related(
            Prefetch(
                "article_authors",
                queryset=ArticleAuthor.objects.select_related("author").order_by(
                    "sort_order", "pk"
                ),
            )
        )
        .prefetch_workflow_states()
        .annotate_approved_schedule()
    )  # read by the rows' buttons


def scheduled_articles() -> QuerySet[ArticlePage]:
    """Articles with a revision approved to go live later, soonest first, with `desk_go_live_at`."""
    page_type = ContentType.objects.get_for_model(Page)
    go_live = Revision.objects.filter(
        base_content_type=page_type,
        object_id=Cast(OuterRef("pk"), output_field=CharField()),
        approved_go_live_at__isnull=False,
    ).order_by("approved_go_live_at")
    return (
        desk_articles()
        .filter(desk_scheduled=True)
        .annotate(desk_go_live_at=Subquery(go_live.values("approved_go_live_at")[:1]))
        .order_by("desk_go_live_at")
    )


def status(article: ArticlePage) -> str:
    """One of the states above, for an article from `desk_articles()`."""
    if article.desk_in_review:
        return IN_REVIEW
    if article.desk_scheduled:
        return SCHEDULED
    if article.live:
        return CHANGED if article.has_unpublished_changes else LIVE
    return DRAFT


def with_status(articles: QuerySet, state: str) -> QuerySet:
    """`articles` from `desk_articles()` narrowed to one state, with the same precedence."""
    if state == IN_REVIEW:
        return articles.filter(desk_in_review=True)
    not_pressing = articles.filter(desk_in_review=False)
    if state == SCHEDULED:
        return not_pressing.filter(desk_scheduled=True)
    settled = not_pressing.filter(desk_scheduled=False)
    return {
        CHANGED: settled.filter(live=True, has_unpublished_changes=True),
        LIVE: settled.filter(live=True, has_unpublished_changes=False),
        DRAFT: settled.filter(live=False),
    }.get(state, articles)
