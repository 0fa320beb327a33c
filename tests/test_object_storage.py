"""Pictures in S3-compatible object storage (django-storages), as several app servers share them: against a
real S3 API that the test starts on this machine (moto's server mode), uploading, rendering and reading back."""

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.core.files.storage import default_storage

from articles.models import Rendition
from tests.factories import ArticleFactory
from tests.pictures import photo, stored
from tests.test_images import assert_no_metadata

ROOT = Path(__file__).resolve().parent.parent
BUCKET = "masthead-media"

boto3 = pytest.importorskip("boto3")


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def s3_endpoint():
    """moto's S3 server on a free local port, with an empty bucket; stopped after the module."""
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    endpoint = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    pytest.fail("moto's S3 server did not start")
                time.sleep(0.1)
        s3_client(endpoint).create_bucket(Bucket=BUCKET)
        yield endpoint
    finally:
        server.terminate()
        server.wait(timeout=10)


def s3_client(endpoint):
    return boto3.client(
        "s3", endpoint_url=endpoint, region_name="us-east-1",
        aws_access_key_id="testing", aws_secret_access_key="testing",
    )


@pytest.fixture
def object_storage(s3_endpoint, settings, monkeypatch):
    """STORAGES["default"] as cms/settings.py makes it when MASTHEAD_S3_BUCKET is set, on the local server."""
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {"bucket_name": BUCKET, "endpoint_url": s3_endpoint, "region_name": "us-east-1",
                        "querystring_auth": False, "file_overwrite": False,
                        "object_parameters": {"CacheControl": "public, max-age=31536000, immutable"}},
        },
    }
    return s3_endpoint


@pytest.mark.django_db
def test_pictures_and_renditions_go_to_object_storage_without_metadata(object_storage, client):
    """An upload and its renditions are objects in the bucket, with a year's cache header and no metadata;
    the article page points readers at them."""
    image = stored(data=photo((1000, 750)))
    names = [image.file.name, *Rendition.objects.filter(image=image).values_list("file", flat=True)]
    s3 = s3_client(object_storage)
    keys = {item["Key"] for item in s3.list_objects_v2(Bucket=BUCKET)["Contents"]}
    assert set(names) <= keys and len(names) == 1 + 2 * 3
    for name in names:
        stored_object = s3.get_object(Bucket=BUCKET, Key=name)
        assert stored_object["CacheControl"] == "public, max-age=31536000, immutable"
        assert_no_metadata(stored_object["Body"].read())
    assert default_storage.exists(image.file.name)

    article = ArticleFactory(featured_image=image, decided=True)
    html = client.get(article.get_absolute_url()).content.decode()
    assert f'src="{object_storage}/{BUCKET}/images/renditions/' in html


def test_settings_send_pictures_to_the_bucket_and_allow_them_in_pages():
    """MASTHEAD_S3_BUCKET switches the default storage to S3, and the page's CSP lets browsers load from there."""
    environ = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "MASTHEAD_S3"))}
    environ.update(DJANGO_DEBUG="1", MASTHEAD_S3_BUCKET=BUCKET, MASTHEAD_S3_PUBLIC_URL="https://pictures.example.org/")
    code = ("import cms.settings as s; d = s.STORAGES['default']; print(d['BACKEND'], d['OPTIONS']['custom_domain'], "
            "s.CONTENT_SECURITY_POLICY['DIRECTIVES']['img-src'])")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=environ, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split(" ", 2)[:2] == ["storages.backends.s3.S3Storage", "pictures.example.org"]
    assert "https://pictures.example.org" in result.stdout
