"""Pictures on an S3 bucket, stored as the production settings store them when
AWS_STORAGE_BUCKET_NAME is set: uploaded through the admin, cropped when an article is
published, and shown to readers from the bucket's address. The bucket is moto's in-process S3,
which answers boto3 (and so django-storages) as AWS does."""

import io

import boto3
import PIL.Image
import pytest
from moto import mock_aws
from wagtail.images import get_image_model

from magazine.settings.s3 import media_host, s3_storage
from tests import builders
from tests.images.test_uploads import jpeg, upload

BUCKET = "magazine-media"
ENVIRONMENT = {"AWS_STORAGE_BUCKET_NAME": BUCKET, "AWS_S3_REGION_NAME": "us-east-1"}
ADDRESS = f"https://{media_host(ENVIRONMENT)}/"


@pytest.fixture
def bucket(settings, monkeypatch):
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "magazine")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "magazine")
    with mock_aws():
        s3 = boto3.client("s3", region_name="us-east-1")
        s3.create_bucket(Bucket=BUCKET)
        settings.STORAGES = {**settings.STORAGES, "default": s3_storage(ENVIRONMENT)}
        yield s3


def stored(s3, prefix: str) -> dict[str, int]:
    listing = s3.list_objects_v2(Bucket=BUCKET, Prefix=prefix)
    return {item["Key"]: item["Size"] for item in listing.get("Contents", [])}


def test_an_uploaded_picture_is_stored_in_the_bucket(admin_client, bucket):
    content = jpeg()
    response = upload(admin_client, "/admin/images/add/", "quay.jpg", content)
    assert response.status_code == 302
    picture = get_image_model().objects.get()
    assert (picture.width, picture.height) == (800, 600)
    assert stored(bucket, "original_images/") == {picture.file.name: len(content)}
    assert picture.file.url == ADDRESS + picture.file.name


def test_readers_get_the_crops_from_the_bucket(
    client, magazine, bucket, django_capture_on_commit_callbacks
):
    hero = builders.image("Quay", size=(1600, 1000))
    with django_capture_on_commit_callbacks(execute=True):
        article = builders.article(magazine.andes, "Port strike", [magazine.ana], hero_image=hero)
    # Cropped when the article was published: every crop the page shows is in the bucket.
    crops = stored(bucket, "images/")
    assert crops, "no crop was stored in the bucket at publishing"
    html = client.get(article.url).content.decode()
    shown = {key for key in crops if ADDRESS + key in html}
    assert len(shown) >= 6  # the hero: three widths, each in AVIF and JPEG
    assert "/media/images/" not in html
    # No reader's request had to make a crop, and the files are pictures of the sizes named.
    assert stored(bucket, "images/") == crops
    smallest_hero = next(key for key in shown if key.endswith(".format-jpeg.fill-640x427.jpg"))
    body = bucket.get_object(Bucket=BUCKET, Key=smallest_hero)["Body"].read()
    with PIL.Image.open(io.BytesIO(body)) as picture:
        assert (picture.format, picture.size) == ("JPEG", (640, 427))
