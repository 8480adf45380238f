"""Pictures: their credit and caption are edited with them, and every crop keeps the subject."""

from bs4 import BeautifulSoup

from tests import builders


def test_the_image_form_asks_for_credit_and_default_caption(admin_client, magazine):
    picture = builders.image("Quay")
    html = admin_client.get(f"/admin/images/{picture.pk}/").content.decode()
    soup = BeautifulSoup(html, "html.parser")
    assert soup.find("input", attrs={"name": "credit"})
    assert soup.find(attrs={"name": "default_caption"})
    assert "Photo: Jane Doe/Agency" in html  # the credit field's help text


def test_crops_follow_the_focal_point(client, magazine):
    picture = builders.image("Wide quay")
    picture.focal_point_x, picture.focal_point_y = 100, 40
    picture.focal_point_width, picture.focal_point_height = 10, 10
    picture.save()
    article = builders.article(magazine.americas, "Quay", [magazine.ana], hero_image=picture)
    builders.article(magazine.americas, "Another", [magazine.ana], hero_image=picture, days_ago=1)
    client.get(article.url)  # the hero and the other article's card are cropped
    crops = picture.renditions.filter(filter_spec__contains="fill-")
    assert crops.exists()
    assert all(rendition.focal_point_key for rendition in crops)
    # The 3:2 card crop of the 120x80 picture keeps the focal point, near its right edge, in view.
    card = crops.filter(filter_spec__contains="400x267").first()
    assert card is not None


def image_form(picture, **fields) -> dict:
    return {
        "title": picture.title,
        "description": "",
        "credit": picture.credit,
        "default_caption": "",
        "collection": picture.collection_id,
        "tags": "",
        "focal_point_x": "",
        "focal_point_y": "",
        "focal_point_width": "",
        "focal_point_height": "",
        **fields,
    }


def test_a_picture_needs_alt_text_unless_it_is_decorative(admin_client, magazine):
    picture = builders.image("Quay")
    url = f"/admin/images/{picture.pk}/"

    response = admin_client.post(url, image_form(picture))
    assert response.status_code == 200  # the form again
    assert response.context["form"].errors["description"] == [
        "Describe the picture, or mark it as decorative."
    ]
    picture.refresh_from_db()
    assert picture.description == "Alt text for Quay"  # nothing lost

    response = admin_client.post(url, image_form(picture, is_decorative="on"))
    assert response.status_code == 302
    picture.refresh_from_db()
    assert picture.is_decorative and picture.default_alt_text == ""


def test_a_decorative_picture_is_silent_and_a_described_one_speaks(client, magazine):
    ornament = builders.image("Ornament", size=(1600, 1000))
    ornament.is_decorative = True
    ornament.save()
    figure = builders.image("Cranes", size=(1600, 1000))
    body = [
        builders.paragraph("Words."),
        {"type": "image", "value": {"image": figure.pk, "width": "wide"}, "id": "i1"},
    ]
    story = builders.article(
        magazine.andes, "Cranes", [magazine.ana], hero_image=ornament, body=body
    )
    soup = BeautifulSoup(client.get(story.url).content, "html.parser")
    hero = soup.select_one(".hero img")
    assert hero["alt"] == ""
    assert hero["fetchpriority"] == "high" and "loading" not in hero.attrs
    inline = soup.select_one(".article__body img")
    assert inline["alt"] == "Alt text for Cranes"
    assert inline["loading"] == "lazy"
    for img in (hero, inline):
        assert img["width"] and img["height"] and img["src"].endswith(".jpg")
        sources = img.parent.find_all("source")
        assert [source["type"] for source in sources] == ["image/avif"]
        assert sources[0]["srcset"] and sources[0]["sizes"]
        # Browsers that read srcset read AVIF: the JPEG is for those that read neither.
        assert "srcset" not in img.attrs and "sizes" not in img.attrs


def test_an_undescribed_hero_cannot_go_live(admin_client, magazine):
    from news.models import ArticlePage

    undescribed = builders.image("IMG_2041")
    undescribed.description = ""
    undescribed.save()
    add_url = f"/admin/pages/add/news/articlepage/{magazine.americas.pk}/"
    draft = ArticlePage(title="Cranes", slug="cranes")
    data = builders.article_form_data(draft, magazine.ana, hero=undescribed)

    response = admin_client.post(add_url, {**data, "action-publish": "1"})
    assert response.status_code == 200
    assert "no alt text yet" in response.context["form"].errors["hero_image"][0]
    assert not ArticlePage.objects.filter(slug="cranes").exists()

    response = admin_client.post(add_url, data)  # a draft may wait for its description
    assert response.status_code == 302
    assert ArticlePage.objects.get(slug="cranes").hero_image == undescribed


def test_a_small_original_gives_each_width_once(client, magazine):
    small = builders.image("Stamp", size=(700, 500))
    body = [{"type": "image", "value": {"image": small.pk, "width": "inline"}, "id": "i1"}]
    story = builders.article(magazine.andes, "Stamps", [magazine.ana], body=body)
    soup = BeautifulSoup(client.get(story.url).content, "html.parser")
    figure = soup.select_one(".article__body picture")
    for candidates in [s["srcset"] for s in figure.find_all("source")]:
        widths = [candidate.split()[-1] for candidate in candidates.split(", ")]
        assert widths == ["640w", "700w"]  # not 640w, 700w, 700w
