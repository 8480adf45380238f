"""The article editor's form: drafts may be unfinished, a published article may not."""

from wagtail.admin.forms import WagtailAdminPageForm


class ArticlePageForm(WagtailAdminPageForm):
    """A hero image, a standfirst, a body and at least one author are needed to publish or to
    submit for review; "Save draft" accepts the article without them (Wagtail defers the
    required fields listed below, and the authors' minimum of one, on draft saves)."""

    class Meta(WagtailAdminPageForm.Meta):  # which carries Wagtail's choosers and widgets
        defer_required_on_fields = ["hero_image", "standfirst", "body"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Blank in the database, so that drafts may lack it, but required to go live.
        self.fields["hero_image"].required = True
