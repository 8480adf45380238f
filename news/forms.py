"""The article editor's form: drafts may be unfinished, a published article may not."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from taggit.models import Tag
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

    def clean_tags(self):
        tags = self.cleaned_data["tags"]
        # A tag's page is at /tags/<slug>/; a name without a letter or digit has no slug.
        unusable = [name for name in tags if not Tag().slugify(name)]
        if unusable:
            raise ValidationError(
                gettext("A tag needs a letter or a digit: %(tags)s"),
                params={"tags": ", ".join(f"“{name}”" for name in unusable)},
            )
        return tags

    def clean(self):
        data = super().clean()
        hero = data.get("hero_image")
        # Bulk uploads make pictures before anyone describes them; none goes live undescribed.
        if (
            hero
            and not self.is_deferred_validation
            and not (hero.description or hero.is_decorative)
        ):
            self.add_error(
                "hero_image",
                gettext(
                    "This picture has no alt text yet. Describe it in Images, or mark it "
                    "decorative."
                ),
            )
        return data
