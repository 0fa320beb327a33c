"""Pictures for tests: a phone photo carrying metadata, and library images stored from it."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage

from articles import image_store
from articles.models import Image

SERIAL = "SERIAL-4471-XK"
SECRET_PLACE = "Safehouse near the river"


def photo(size=(2000, 1500), fmt="JPEG", metadata=True, mode="RGB"):
    """A picture as a camera phone would send it: GPS position, camera serial, XMP and a comment."""
    picture = PILImage.new(mode, size, (180, 40, 40) if mode == "RGB" else (180, 40, 40, 120))
    out = io.BytesIO()
    options = {}
    if metadata:
        exif = picture.getexif()
        exif[0x010F] = "PhoneMaker"  # Make
        exif[0x0110] = "Model X"  # Model
        exif[0x010E] = SECRET_PLACE  # ImageDescription
        exif[0x8769] = {0xA431: SERIAL}  # Exif IFD: BodySerialNumber
        exif[0x8825] = {1: "N", 2: (51.0, 30.0, 12.5), 3: "W", 4: (0.0, 7.0, 39.0)}  # GPS IFD
        options["exif"] = exif
        if fmt == "JPEG":
            options["comment"] = SECRET_PLACE.encode()
            options["xmp"] = f'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF>{SECRET_PLACE}</rdf:RDF></x:xmpmeta>'.encode()
    picture.save(out, fmt, **options)
    return out.getvalue()


def upload(data, name="IMG_0001.jpg"):
    return SimpleUploadedFile(name, data, content_type="image/jpeg")


def stored(title="Families at the crossing", **fields):
    """A library image stored as the admin stores an upload (re-encoded, with its renditions)."""
    picture = image_store.clean(upload(fields.pop("data", photo())))
    fields.setdefault("alt_text", "Families wait at the crossing")
    return image_store.store(Image(title=title, **fields), picture)
