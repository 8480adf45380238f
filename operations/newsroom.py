"""How the newsroom is set up: its roles and its review workflow (the index pages it works in:
home/site_tree.py).

Every function takes the app registry (`apps`) so that data migrations can call it with the
historical models, and is idempotent: running it again leaves things as they are.

Roles:
- Writers create articles in the News tree and edit their own, upload and choose images, and
  submit for review. They cannot publish, unpublish, delete or move what others wrote.
- Editors do everything on the site's pages (publish, unpublish, schedule, lock, delete, move),
  manage images and documents, search promotions and redirects. Not the settings or users.
- Admins have every permission; in practice they are superusers.
- Translators write the Spanish edition: they translate pages (simple_translation's
  "Translate"), edit any Spanish page and submit it for review. They cannot publish.
  Editors publish in both editions; the review workflow covers the Spanish edition whole.
- Newsletters: Editors compose, schedule and send issues, see subscribers, export them and
  erase one on request. Writers and Translators see none of it.
"""

from home.site_tree import NEWS_SLUG, PEOPLE_SLUG

WRITERS, EDITORS, ADMINS, TRANSLATORS = "Writers", "Editors", "Admins", "Translators"
TRANSLATE = ("simple_translation", "simpletranslation", "submit_translation")
WORKFLOW, REVIEW_TASK = "Editorial review", "Editors approve"

PAGE = ("add_page", "change_page", "publish_page", "bulk_delete_page", "lock_page", "unlock_page")
IMAGES = ("add_image", "change_image", "delete_image", "choose_image")
DOCUMENTS = ("add_document", "change_document", "delete_document", "choose_document")
EDITOR_MODELS = {
    ("wagtailsearchpromotions", "searchpromotion"): ("add", "change", "delete", "view"),
    ("wagtailsearchpromotions", "query"): ("add", "change", "delete", "view"),
    ("wagtailredirects", "redirect"): ("add", "change", "delete"),
}
ADMIN_MODELS = {
    **EDITOR_MODELS,
    ("home", "magazinesettings"): ("change",),
    ("auth", "user"): ("add", "change", "delete"),
    ("auth", "group"): ("add", "change", "delete"),
    ("wagtailcore", "site"): ("add", "change", "delete"),
    ("wagtailcore", "workflow"): ("add", "change", "delete"),
    ("wagtailcore", "task"): ("add", "change", "delete"),
}


def set_up_roles(apps) -> None:
    Group = apps.get_model("auth.Group")
    Page = apps.get_model("wagtailcore.Page")
    home = Page.objects.filter(depth=2).order_by("path").first()
    news = Page.objects.filter(depth=3, slug=NEWS_SLUG).first()
    people = Page.objects.filter(depth=3, slug=PEOPLE_SLUG).first()
    root = Page.objects.get(depth=1)
    if home is None or news is None or people is None:
        return
    # Wagtail's starter groups give their members edit rights over every page; ours replace them.
    Group.objects.filter(name="Moderators", user__isnull=True).delete()

    writers = _reset_group(apps, WRITERS)
    _grant_pages(apps, writers, news, ["add_page"])
    _grant_collection(apps, writers, ["add_image", "choose_image", "choose_document"])

    editors = _reset_group(apps, EDITORS)
    _grant_pages(
        apps, editors, home, ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
    )
    for section in (news, people):
        _grant_pages(apps, editors, section, ["bulk_delete_page"])
    _grant_collection(apps, editors, IMAGES + DOCUMENTS)
    _grant_models(apps, editors, EDITOR_MODELS)

    admins = _reset_group(apps, ADMINS)
    _grant_pages(apps, admins, root, PAGE)
    _grant_collection(apps, admins, IMAGES + DOCUMENTS)
    _grant_models(apps, admins, ADMIN_MODELS)
    set_up_newsletters(apps)
    set_up_live_updates(apps)


def set_up_translation(apps) -> None:
    """The Spanish edition's rights: Editors and Writers as in English, Translators, and the
    review workflow over the whole Spanish tree (a translator's pages all go through it)."""
    Group = apps.get_model("auth.Group")
    Page = apps.get_model("wagtailcore.Page")
    spanish = Page.objects.filter(depth=2, locale__language_code="es").first()
    if spanish is None:
        return
    news = Page.objects.filter(depth=3, path__startswith=spanish.path, slug="noticias").first()
    people = Page.objects.filter(depth=3, path__startswith=spanish.path, slug="equipo").first()
    translate = _permission(apps, *TRANSLATE)

    editors = Group.objects.filter(name=EDITORS).first()
    if editors is not None:
        _grant_pages(
            apps,
            editors,
            spanish,
            ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
        )
        for index in (news, people):
            if index is not None:
                _grant_pages(apps, editors, index, ["bulk_delete_page"])
        editors.permissions.add(translate)
    writers = Group.objects.filter(name=WRITERS).first()
    if writers is not None and news is not None:
        _grant_pages(apps, writers, news, ["add_page"])

    translators = _reset_group(apps, TRANSLATORS)
    _grant_pages(apps, translators, spanish, ["add_page", "change_page"])
    _grant_collection(apps, translators, ["choose_image", "choose_document"])
    translators.permissions.add(translate)

    workflow = apps.get_model("wagtailcore.Workflow").objects.filter(name=WORKFLOW).first()
    if workflow is not None:
        apps.get_model("wagtailcore.WorkflowPage").objects.update_or_create(
            page=spanish, defaults={"workflow": workflow}
        )


NEWSLETTER_MODELS = {
    ("newsletters", "newsletterissue"): ("add", "change", "delete", "view", "send"),
    ("newsletters", "subscriber"): ("view", "delete"),
}


def set_up_newsletters(apps) -> None:
    """Editors run the newsletters; Admins too."""
    Group = apps.get_model("auth.Group")
    for name in (EDITORS, ADMINS):
        group = Group.objects.filter(name=name).first()
        if group is not None:
            _grant_models(apps, group, NEWSLETTER_MODELS)


LIVE_UPDATE_RIGHTS = {
    WRITERS: ("add", "change", "view"),
    EDITORS: ("add", "change", "delete", "view"),
    ADMINS: ("add", "change", "delete", "view"),
}


def set_up_live_updates(apps) -> None:
    """Reporters post and correct live updates; Editors and Admins also remove them."""
    Group = apps.get_model("auth.Group")
    for name, actions in LIVE_UPDATE_RIGHTS.items():
        group = Group.objects.filter(name=name).first()
        if group is not None:
            _grant_models(apps, group, {("news", "liveupdate"): actions})


def _reset_group(apps, name: str):
    """The group `name`, with admin access and nothing else yet."""
    group = apps.get_model("auth.Group").objects.get_or_create(name=name)[0]
    group.permissions.set([_permission(apps, "wagtailadmin", "admin", "access_admin")])
    apps.get_model("wagtailcore.GroupPagePermission").objects.filter(group=group).delete()
    apps.get_model("wagtailcore.GroupCollectionPermission").objects.filter(group=group).delete()
    return group


def _grant_pages(apps, group, page, codenames) -> None:
    GroupPagePermission = apps.get_model("wagtailcore.GroupPagePermission")
    for codename in codenames:
        GroupPagePermission.objects.get_or_create(
            group=group, page=page, permission=_permission(apps, "wagtailcore", "page", codename)
        )


def _grant_collection(apps, group, codenames) -> None:
    GroupCollectionPermission = apps.get_model("wagtailcore.GroupCollectionPermission")
    root = apps.get_model("wagtailcore.Collection").objects.get(depth=1)
    for codename in codenames:
        # Wagtail checks image permissions against its own Image model, even with a custom one.
        app_label, model = (
            ("wagtailimages", "image")
            if codename.endswith("_image")
            else ("wagtaildocs", "document")
        )
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=root, permission=_permission(apps, app_label, model, codename)
        )


def _grant_models(apps, group, models: dict) -> None:
    for (app_label, model), actions in models.items():
        for action in actions:
            group.permissions.add(_permission(apps, app_label, model, f"{action}_{model}"))


def _permission(apps, app_label: str, model: str, codename: str):
    """A permission, created if need be: Django makes them only after all migrations have run."""
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    content_type = ContentType.objects.get_or_create(app_label=app_label, model=model)[0]
    return Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": codename.replace("_", " ")}
    )[0]


def set_up_workflow(apps) -> None:
    """Editorial review on the News tree: a writer's submission goes to the Editors."""
    Page = apps.get_model("wagtailcore.Page")
    news = Page.objects.filter(depth=3, slug=NEWS_SLUG).first()
    editors = apps.get_model("auth.Group").objects.filter(name=EDITORS).first()
    if news is None or editors is None:
        return
    ContentType = apps.get_model("contenttypes.ContentType")
    Workflow = apps.get_model("wagtailcore.Workflow")
    WorkflowTask = apps.get_model("wagtailcore.WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore.WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore.GroupApprovalTask")

    task = GroupApprovalTask.objects.filter(name=REVIEW_TASK).first()
    if task is None:
        task = GroupApprovalTask.objects.create(
            name=REVIEW_TASK,
            active=True,
            content_type=ContentType.objects.get_or_create(
                app_label="wagtailcore", model="groupapprovaltask"
            )[0],
        )
    task.groups.set([editors])
    workflow = Workflow.objects.get_or_create(name=WORKFLOW, defaults={"active": True})[0]
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=news, defaults={"workflow": workflow})
    # Wagtail's starter workflow covered every page, for the Moderators group that is gone.
    WorkflowPage.objects.filter(page__depth=1).delete()
    Workflow.objects.filter(name="Moderators approval", workflow_pages__isnull=True).update(
        active=False
    )
