"""The image library: uploads decoded, limited and re-encoded without metadata; renditions made once;
nothing half-saved; the admin's upload form; pictures served with long cache headers."""

import io

import pytest
from django.core.files.storage import default_storage
from django.test import Client
from django.urls import reverse
from PIL import Image as PILImage

from articles import image_store, images
from articles.models import Image, Rendition
from tests.pictures import SECRET_PLACE, SERIAL, photo, stored, upload

pytestmark = pytest.mark.django_db

@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def assert_no_metadata(data):
    picture = PILImage.open(io.BytesIO(data))
    assert not picture.getexif(), picture.getexif()
    for key in ("exif", "xmp", "XML:com.adobe.xmp", "comment", "icc_profile"):
        assert key not in picture.info, key
    for secret in (SERIAL.encode(), SECRET_PLACE.encode(), b"PhoneMaker"):
        assert secret not in data


def test_the_test_photo_really_carries_gps_and_a_serial():
    """The fixture is what the test claims: a position, a serial number and XMP in the file."""
    data = photo()
    exif = PILImage.open(io.BytesIO(data)).getexif()
    assert exif.get_ifd(0x8825)[2] == (51.0, 30.0, 12.5)
    assert SERIAL.encode() in data and SECRET_PLACE.encode() in data


def test_stored_file_and_every_rendition_carry_no_metadata():
    """Upload a phone photo with GPS tags: the stored picture and all its renditions have no EXIF, GPS,
    camera serial, XMP or comment."""
    image = stored()
    files = [image.file.name, *Rendition.objects.filter(image=image).values_list("file", flat=True)]
    assert len(files) == 1 + 2 * 3  # the picture, and WebP + JPEG at three widths
    for name in files:
        with default_storage.open(name) as handle:
            assert_no_metadata(handle.read())


def test_renditions_are_made_once_per_width_and_format():
    """A 2000 px picture gets WebP and JPEG renditions at 480, 960 and 1600 px, with their heights."""
    image = stored()
    got = sorted(image.renditions.values_list("width", "height", "format"))
    assert got == [(480, 360, "JPEG"), (480, 360, "WEBP"), (960, 720, "JPEG"), (960, 720, "WEBP"),
                   (1600, 1200, "JPEG"), (1600, 1200, "WEBP")]
    assert (image.width, image.height) == (2000, 1500)


def test_small_picture_is_never_enlarged():
    """A picture narrower than the smallest width gets renditions at its own width only."""
    image = stored(data=photo(size=(300, 200)))
    assert set(image.renditions.values_list("width", flat=True)) == {300}


def test_transparent_png_keeps_a_png_fallback():
    """A PNG with transparency falls back to PNG, not JPEG (which would lose it)."""
    image = stored(data=photo(size=(800, 600), fmt="PNG", mode="RGBA", metadata=False))
    assert set(image.renditions.values_list("format", flat=True)) == {"WEBP", "PNG"}


def test_names_are_generated():
    """Stored names are generated: nothing of the uploader's file name or path."""
    picture = image_store.clean(upload(photo(), name="../../etc/evil name.jpg"))
    image = image_store.store(Image(title="x", alt_text="y"), picture)
    for name in [image.file.name, *image.renditions.values_list("file", flat=True)]:
        assert name.startswith("images/") and "evil" not in name and ".." not in name


def test_type_is_read_from_the_content_not_the_name():
    """A PNG called .jpg is stored as PNG; a text file called .jpg is refused."""
    assert image_store.clean(upload(photo(fmt="PNG", metadata=False), name="really-a-png.jpg")).format == "PNG"
    with pytest.raises(images.ImageRejected, match="not a picture Masthead can read"):
        image_store.clean(upload(b"<html>not a picture</html>", name="page.jpg"))


@pytest.mark.parametrize(
    "data, name, reason",
    [
        (b"", "empty.jpg", "the file is empty"),
        (b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "logo.svg", "SVG is not accepted"),
        (photo(fmt="GIF", metadata=False), "anim.gif", "GIF files are not accepted"),
        (photo()[:4000], "cut.jpg", "could not be decoded"),
    ],
)
def test_bad_uploads_are_refused_naming_the_file_and_the_reason(data, name, reason):
    """Each refusal is one message: the file's name and what is wrong."""
    with pytest.raises(images.ImageRejected) as refused:
        image_store.clean(upload(data, name=name))
    assert str(refused.value).startswith(f"{name}: ") and reason in str(refused.value)


def test_limits(settings):
    """Files over the byte limit and pictures over the pixel limit (decompression bombs) are refused."""
    settings.MASTHEAD_IMAGE_MAX_BYTES = 1000
    with pytest.raises(images.ImageRejected, match="more than the limit of 1,000"):
        image_store.clean(upload(photo()))
    settings.MASTHEAD_IMAGE_MAX_BYTES = 20_000_000
    settings.MASTHEAD_IMAGE_MAX_PIXELS = 1_000_000
    with pytest.raises(images.ImageRejected, match="pixels"):
        image_store.clean(upload(photo(size=(4000, 3000), metadata=False)))


def test_nothing_half_saved_when_storage_fails(monkeypatch, media):
    """If writing a rendition fails, no library row is kept and no file is left behind."""
    real_save = default_storage.save
    calls = []

    def failing_save(name, content, **kwargs):
        calls.append(name)
        if len(calls) == 4:
            raise OSError("disk full")
        return real_save(name, content, **kwargs)

    monkeypatch.setattr(default_storage, "save", failing_save)
    with pytest.raises(OSError):
        stored()
    assert not Image.objects.exists() and not Rendition.objects.exists()
    assert not [path for path in media.rglob("*") if path.is_file()]


# --- the admin ----------------------------------------------------------------------------------------------


def test_writer_uploads_through_the_admin(writer):
    """A writer uploads a picture with alt text; it is stored re-encoded, with her as the uploader."""
    client = Client()
    client.force_login(writer)
    response = client.post(reverse("admin:articles_image_add"), {
        "upload": upload(photo()), "title": "Crossing", "alt_text": "Families wait at the crossing", "caption": "",
        "credit": "Jo Lee",
    })
    assert response.status_code == 302, response.content.decode()[:2000]
    image = Image.objects.get()
    assert image.uploaded_by == writer and image.renditions.count() == 6
    with default_storage.open(image.file.name) as handle:
        assert_no_metadata(handle.read())


def test_admin_requires_alt_text_unless_decorative(writer):
    """Without alt text the form says what to do, and nothing is stored."""
    client = Client()
    client.force_login(writer)
    response = client.post(reverse("admin:articles_image_add"), {"upload": upload(photo()), "title": "Crossing", "alt_text": ""})
    assert response.status_code == 200
    assert "Describe the picture for readers who cannot see it" in response.content.decode()
    assert not Image.objects.exists()


def test_admin_refusal_names_the_file(writer):
    """A refused upload shows one message naming the file and the reason."""
    client = Client()
    client.force_login(writer)
    response = client.post(reverse("admin:articles_image_add"), {
        "upload": upload(b"GIF89a not really", name="banner.gif"), "title": "Banner", "alt_text": "A banner"})
    assert "Not uploaded: banner.gif:" in response.content.decode()
    assert not Image.objects.exists()


def test_graphic_pictures_are_covered_in_the_library_list(editor):
    """In the library list a graphic picture shows as covered, not as a thumbnail."""
    stored(title="Aftermath", graphic=True)
    client = Client()
    client.force_login(editor)
    html = client.get(reverse("admin:articles_image_changelist")).content.decode()
    assert "Graphic — covered" in html and "library-thumbnail" not in html


def test_media_files_are_served_with_long_cache_headers():
    """make run serves library pictures itself, cacheable for a year (their names never change)."""
    image = stored()
    response = Client().get(image.file.url)
    assert response.status_code == 200
    assert response["Cache-Control"] == "public, max-age=31536000, immutable"
    assert Client().get("/media/../cms/settings.py").status_code in (400, 404)  # never the file


@pytest.mark.parametrize(
    "size, refused",
    [
        pytest.param((1, 30_000), True, id="1x30000-too-tall-for-webp"),
        pytest.param((1000, 20_000), True, id="renditions-too-tall-for-webp"),
        pytest.param((30_000, 1), False, id="30000x1-renditions-fit"),
        pytest.param((17_000, 20), False, id="wider-than-webp-renditions-fit"),
    ],
)
def test_pictures_too_tall_or_wide_for_webp_get_a_form_error_or_are_stored(writer, size, refused):
    """A picture whose renditions WebP cannot hold gets a clear form error and nothing is stored; one that fits is stored."""
    client = Client()
    client.force_login(writer)
    response = client.post(reverse("admin:articles_image_add"), {
        "upload": upload(photo(size=size, fmt="PNG", metadata=False), name="strip.png"), "title": "Strip",
        "alt_text": "A strip"})
    if refused:
        assert response.status_code == 200
        assert "Not uploaded: strip.png: the picture is" in response.content.decode()
        assert "too tall for its width" in response.content.decode()
        assert not Image.objects.exists()
    else:
        assert response.status_code == 302
        image = Image.objects.get()
        assert (image.width, image.height) == size and image.renditions.count() == 6


def test_pixel_limit_leaves_pillows_process_wide_limit_alone(monkeypatch, settings):
    """Checking an upload's pixels never changes PIL.Image.MAX_IMAGE_PIXELS, which every thread shares."""
    default = PILImage.MAX_IMAGE_PIXELS
    seen = []
    real_open = PILImage.open

    def watching_open(*args, **kwargs):
        seen.append(PILImage.MAX_IMAGE_PIXELS)
        return real_open(*args, **kwargs)

    monkeypatch.setattr(PILImage, "open", watching_open)
    settings.MASTHEAD_IMAGE_MAX_PIXELS = 1_000_000
    image_store.clean(upload(photo(size=(800, 600), metadata=False)))
    with pytest.raises(images.ImageRejected, match="more than the limit of 1,000,000"):
        image_store.clean(upload(photo(size=(2000, 1500), metadata=False)))
    assert seen and set(seen) == {default} and PILImage.MAX_IMAGE_PIXELS == default
