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
