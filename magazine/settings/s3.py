"""Uploads on an S3-compatible bucket (AWS, MinIO, R2...) through django-storages, from the
environment: used by the production settings, and by the test that stores pictures in one."""

from collections.abc import Mapping
from urllib.parse import urlparse


def s3_storage(environ: Mapping[str, str]) -> dict:
    """Django's default storage on the bucket AWS_STORAGE_BUCKET_NAME names. boto3 reads the
    credentials (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY) from the environment itself."""
    return {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": environ["AWS_STORAGE_BUCKET_NAME"],
            "endpoint_url": environ.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": environ.get("AWS_S3_REGION_NAME") or None,
            "custom_domain": environ.get("AWS_S3_CUSTOM_DOMAIN") or None,
            "file_overwrite": False,
            "querystring_auth": False,  # pictures are public
        },
    }


def media_host(environ: Mapping[str, str]) -> str:
    """The host readers' browsers fetch pictures from: the content security policy allows it."""
    return (
        environ.get("AWS_S3_CUSTOM_DOMAIN")
        or urlparse(environ.get("AWS_S3_ENDPOINT_URL", "")).netloc
        or f"{environ['AWS_STORAGE_BUCKET_NAME']}.s3.amazonaws.com"
    )
