"""Putting a cleaned upload and its renditions into storage, all or nothing.

Storage is Django's default (``STORAGES["default"]``): files under ``var/media/`` on one machine,
or S3-compatible object storage through django-storages when several app servers share it.
"""

import uuid

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction

from articles import images
from articles.models import Image, Rendition


def clean(upload) -> images.CleanImage:
    """Read an uploaded file and check it (articles/images.py); raises images.ImageRejected."""
    upload.seek(0)
    data = upload.read(settings.MASTHEAD_IMAGE_MAX_BYTES + 1)
    return images.clean_upload(
        data, upload.name, max_bytes=settings.MASTHEAD_IMAGE_MAX_BYTES, max_pixels=settings.MASTHEAD_IMAGE_MAX_PIXELS
    )


def store(image: Image, picture: images.CleanImage) -> Image:
    """Save ``image`` with the cleaned ``picture`` and every rendition of it. If anything fails, no row is
    kept and every file written so far is removed."""
    written = []
    stem = uuid.uuid4().hex
    try:
        with transaction.atomic():
            name = default_storage.save(f"images/{stem}.{picture.extension}", ContentFile(picture.data))
            written.append(name)
            image.file.name = name
            image.width, image.height = picture.width, picture.height
            image.save()
            for rendition in images.renditions(picture.data):
                extension = images.ACCEPTED_FORMATS.get(rendition.format, rendition.format.lower())
                path = default_storage.save(f"images/renditions/{stem}-{rendition.width}.{extension}", ContentFile(rendition.data))
                written.append(path)
                Rendition.objects.create(
                    image=image, width=rendition.width, height=rendition.height, format=rendition.format, file=path,
                    size=len(rendition.data),
                )
    except BaseException:
        for name in written:
            default_storage.delete(name)
        image.pk = None
        raise
    return image
