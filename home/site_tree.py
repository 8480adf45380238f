"""The fixed pages: Home, the site's root, and under it News (every section sits in it) and
People (every author).

Takes the app registry (`apps`) so that data migrations can call it with the historical
models, and is idempotent: running it again leaves things as they are.
"""

NEWS_SLUG, PEOPLE_SLUG = "news", "people"


def create_home_page(apps) -> None:
    """The magazine's HomePage as the site's root, in place of Wagtail's default "Welcome"."""
    ContentType = apps.get_model("contenttypes.ContentType")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    HomePage = apps.get_model("home.HomePage")
    Locale = apps.get_model("wagtailcore.Locale")

    if HomePage.objects.exists():
        return
    # Wagtail's first migration creates a plain Page at depth 2; it has no content of ours.
    Page.objects.filter(depth=2, content_type__model="page", numchild=0).delete()

    content_type, _ = ContentType.objects.get_or_create(model="homepage", app_label="home")
    root = Page.objects.get(depth=1)
    siblings = Page.objects.filter(depth=2).count()
    home = HomePage.objects.create(
        title="Home",
        draft_title="Home",
        slug="home",
        content_type=content_type,
        path=f"{root.path}{siblings + 1:04d}",
        depth=2,
        numchild=0,
        url_path="/home/",
        locale=Locale.objects.order_by("pk").first(),
        live=True,
    )
    root.numchild = Page.objects.filter(depth=2).count()
    root.save(update_fields=["numchild"])
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home},
    )


def create_index_pages(apps) -> None:
    """News (every section sits in it) and People (every author), under the home page."""
    home = apps.get_model("home.HomePage").objects.filter(depth=2).first()
    if home is None:
        return
    _child_page(
        apps, home, "news.NewsIndexPage", NEWS_SLUG, "News", intro="Every article, newest first."
    )
    _child_page(
        apps,
        home,
        "people.PeopleIndexPage",
        PEOPLE_SLUG,
        "People",
        intro="The people who write for us.",
    )


def _child_page(apps, parent, model_label: str, slug: str, title: str, **fields) -> None:
    Page = apps.get_model("wagtailcore.Page")
    model = apps.get_model(model_label)
    if Page.objects.filter(
        path__startswith=parent.path, depth=parent.depth + 1, slug=slug
    ).exists():
        return
    ContentType = apps.get_model("contenttypes.ContentType")
    app_label, model_name = model_label.lower().split(".")
    last = (
        Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)
        .order_by("path")
        .last()
    )
    position = int(last.path[-4:], 36) + 1 if last else 1
    model.objects.create(
        title=title,
        draft_title=title,
        slug=slug,
        content_type=ContentType.objects.get_or_create(app_label=app_label, model=model_name)[0],
        path=parent.path + _base36(position).rjust(4, "0"),
        depth=parent.depth + 1,
        numchild=0,
        url_path=f"{parent.url_path}{slug}/",
        locale_id=parent.locale_id,
        live=True,
        **fields,
    )
    Page.objects.filter(pk=parent.pk).update(
        numchild=Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1).count()
    )


def _base36(number: int) -> str:
    digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    text = ""
    while number:
        number, digit = divmod(number, 36)
        text = digits[digit] + text
    return text or "0"
