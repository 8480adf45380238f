"""Uploads: a file that is not a picture the magazine can show gets a form error, never a server
error, and nothing of it is kept. Documents are only served through Wagtail's view."""

import functools
import os
import struct
import zlib
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, ImageFile
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection


def encoded(picture: Image.Image, format: str) -> bytes:
    buffer = BytesIO()
    picture.save(buffer, format)
    return buffer.getvalue()


def jpeg() -> bytes:
    return encoded(Image.new("RGB", (800, 600), (180, 60, 40)), "JPEG")


@functools.cache
def bomb(side: int) -> bytes:
    """A valid PNG of side x side black colour pixels, a few hundred kilobytes long. Written
    row by row, so that making it never holds the decoded picture in memory."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", side, side, 8, 2, 0, 0, 0)  # 8-bit RGB
    compressor = zlib.compressobj(1)
    row = b"\0" * (1 + side * 3)  # filter byte, then the row's pixels
    data = b"".join(compressor.compress(row) for _ in range(side)) + compressor.flush()
    signature = b"\x89PNG\r\n\x1a\n"
    return signature + chunk(b"IHDR", header) + chunk(b"IDAT", data) + chunk(b"IEND", b"")


@functools.cache
def too_big() -> bytes:
    """A real picture of 21 MB (noise does not compress), over the 20 MB limit."""
    side = 2700
    return encoded(Image.frombytes("RGB", (side, side), os.urandom(side * side * 3)), "PNG")


BAD_FILES = {
    "a text file renamed .jpg": (
        "photo.jpg",
        lambda: b"Minutes of the editorial meeting\n" * 20,
        "Upload a valid image",
    ),
    "a truncated JPEG": ("cut.jpg", lambda: jpeg()[:1500], "damaged or incomplete"),
    "a decompression bomb": (
        "bomb.png",
        lambda: bomb(12_000),
        "too many pixels (144000000). Maximum pixels 60000000",
    ),
    "a bomb past Pillow's own limit": ("huge.png", lambda: bomb(20_000), "too many pixels"),
    "an SVG": (
        "logo.svg",
        lambda: b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
        "Not a supported image format",
    ),
    "a file over 20 MB": ("scan.png", too_big, "This file is too big"),
}


def upload(client, url: str, name: str, content: bytes):
    field = "files[]" if "multiple" in url else "file"
    form = {"title": "Upload", "description": "A quay", "credit": "Photo: Ana Lima", "tags": ""}
    form[field] = SimpleUploadedFile(name, content)
    form["collection"] = Collection.get_first_root_node().pk
    return client.post(url, form, headers={"x-requested-with": "XMLHttpRequest"})


def error_of(response) -> str:
    if response["Content-Type"].startswith("application/json"):
        answer = response.json()
        assert answer["success"] is False
        return answer["error_message"]
    return " ".join(response.context["form"].errors["file"])


VIEWS = ["/admin/images/add/", "/admin/images/multiple/add/"]


@pytest.mark.parametrize("url", VIEWS)
@pytest.mark.parametrize("case", BAD_FILES)
def test_a_bad_picture_gets_a_form_error_and_nothing_is_kept(admin_client, db, url, case):
    name, content, message = BAD_FILES[case]
    response = upload(admin_client, url, name, content())
    assert response.status_code == 200
    assert message in error_of(response)
    assert not get_image_model().objects.exists()


@pytest.mark.parametrize("url", VIEWS)
def test_a_good_picture_is_accepted(admin_client, db, url):
    response = upload(admin_client, url, "quay.jpg", jpeg())
    assert response.status_code in (200, 302)
    assert get_image_model().objects.get().width == 800


def test_a_bomb_is_refused_before_it_is_decoded(admin_client, db, monkeypatch):
    """Decoding the 144-megapixel bomb would take 432 MB; its header is enough to refuse it."""

    def decode(image):
        raise AssertionError("the bomb was decoded")

    monkeypatch.setattr(ImageFile.ImageFile, "load", decode)
    response = upload(admin_client, VIEWS[0], "bomb.png", bomb(12_000))
    assert "too many pixels" in error_of(response)


@pytest.mark.parametrize("name", ["page.html", "drawing.svg", "run.exe"])
def test_a_document_that_could_run_in_a_browser_is_refused(admin_client, db, name):
    response = admin_client.post(
        "/admin/documents/add/",
        {
            "title": "Report",
            "file": SimpleUploadedFile(name, b"<script>alert(1)</script>"),
            "collection": Collection.get_first_root_node().pk,
            "tags": "",
        },
    )
    assert response.status_code == 200
    assert "File extension" in " ".join(response.context["form"].errors["file"])
    assert not get_document_model().objects.exists()
