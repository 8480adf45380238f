"""Page choosers that name what they choose: "Choose an author", not Wagtail's "Choose a page
(Author)", which screen readers announce as it stands. Given to panels as classes, so that
they are made when a form is, after the page models are loaded."""

from wagtail.admin.widgets import AdminPageChooser


class _NamedChooser(AdminPageChooser):
    target = ""
    noun = ""

    def __init__(self, **kwargs):
        kwargs.setdefault("target_models", [self.target])
        super().__init__(**kwargs)
        article = "an" if self.noun[0] in "aeiou" else "a"
        self.choose_one_text = f"Choose {article} {self.noun}"
        self.choose_another_text = f"Choose another {self.noun}"
        self.link_to_chosen_text = f"Edit this {self.noun}"


class AuthorChooser(_NamedChooser):
    target, noun = "people.AuthorPage", "author"


class ArticleChooser(_NamedChooser):
    target, noun = "news.ArticlePage", "article"
