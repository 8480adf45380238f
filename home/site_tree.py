"""The fixed pages: Home, the site's root, and under it News (every section sits in it) and
People (every author).

Takes the app registry (`apps`) so that data migrations can call it with the historical
models, and is idempotent: running it again leaves things as they are.
"""

NEWS_SLUG, PEOPLE_SLUG = "news", "people"
# The Spanish edition's own addresses: /es/noticias/, /es/equipo/.
SPANISH_SLUGS = {NEWS_SLUG: "noticias", PEOPLE_SLUG: "equipo"}


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


def create_spanish_edition(apps) -> None:
    """The Spanish edition's home, News and People: translations of the English ones (same
    translation key, locale "es"), so that /es/ answers on a fresh site before any article is
    translated. The English locale, made by Wagtail from LANGUAGE_CODE, becomes "en"."""
    Locale = apps.get_model("wagtailcore.Locale")
    Page = apps.get_model("wagtailcore.Page")
    HomePage = apps.get_model("home.HomePage")
    Locale.objects.filter(language_code="en-gb").update(language_code="en")
    english = HomePage.objects.filter(depth=2).order_by("path").first()
    if english is None:
        return
    spanish, _ = Locale.objects.get_or_create(language_code="es")
    if not HomePage.objects.filter(locale=spanish).exists():
        root = Page.objects.get(depth=1)
        last = Page.objects.filter(depth=2).order_by("path").last()
        HomePage.objects.create(
            title="Portada",
            draft_title="Portada",
            slug="home-es",
            content_type_id=english.content_type_id,
            path=root.path + _base36(int(last.path[-4:], 36) + 1).rjust(4, "0"),
            depth=2,
            numchild=0,
            url_path="/home-es/",
            locale=spanish,
            translation_key=english.translation_key,
            live=True,
        )
        root.numchild = Page.objects.filter(depth=2).count()
        root.save(update_fields=["numchild"])
    home = HomePage.objects.get(locale=spanish, translation_key=english.translation_key)
    for model_label, slug, title, intro in (
        ("news.NewsIndexPage", NEWS_SLUG, "Noticias", "Todos los artículos, del más reciente."),
        ("people.PeopleIndexPage", PEOPLE_SLUG, "Equipo", "Quienes escriben para nosotros."),
    ):
        source = Page.objects.filter(depth=3, slug=slug, locale_id=english.locale_id).first()
        _child_page(
            apps,
            home,
            model_label,
            SPANISH_SLUGS[slug],
            title,
            intro=intro,
            **({"translation_key": source.translation_key} if source else {}),
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
