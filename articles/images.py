"""Uploaded pictures made safe to store and serve, and their renditions. Pure: Pillow, no models.

Every upload is decoded by Pillow (its name and declared type count for nothing), checked against
size and pixel limits (a decompression bomb is refused from its header, before it is decoded;
Pillow's process-wide ``MAX_IMAGE_PIXELS`` is left alone), checked to fit every rendition's format
(WebP holds at most 16,383 pixels a side), turned upright, and re-encoded from its pixels alone: no EXIF, GPS, camera serials, XMP, IPTC or comments
survive, in the original or in any rendition. Renditions are made once per width and format (WebP,
with JPEG — or PNG for pictures with transparency — as the fallback).
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from PIL import Image as PILImage
from PIL import ImageOps, UnidentifiedImageError

ACCEPTED_FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
RENDITION_WIDTHS = (480, 960, 1600)
JPEG_QUALITY = 85
WEBP_QUALITY = 80
WEBP_MAX_SIDE = 16383  # libwebp's limit on either side


class ImageRejected(ValueError):
    """An upload that cannot be accepted; the message names the file and the reason."""

    def __init__(self, name: str, reason: str):
        super().__init__(f"{name}: {reason}")
        self.name, self.reason = name, reason


@dataclass(frozen=True)
class CleanImage:
    data: bytes  # re-encoded, without metadata
    format: str  # "JPEG", "PNG" or "WEBP"
    width: int
    height: int

    @property
    def extension(self) -> str:
        return ACCEPTED_FORMATS[self.format]


@dataclass(frozen=True)
class RenditionData:
    width: int
    height: int
    format: str  # "WEBP", "JPEG" or "PNG"
    data: bytes


def _open(data: bytes, name: str, max_pixels: int) -> PILImage.Image:
    if not data:
        raise ImageRejected(name, "the file is empty")
    try:
        picture = PILImage.open(io.BytesIO(data))  # reads the header only
        if picture.format not in ACCEPTED_FORMATS:
            raise ImageRejected(name, f"{picture.format or 'this'} files are not accepted: upload a JPEG, PNG or WebP")
        width, height = picture.size
        if width * height > max_pixels:
            raise ImageRejected(name, f"the picture is {width}×{height} pixels, more than the limit of {max_pixels:,}")
        if (tallest := rendition_height(width, height, max(RENDITION_WIDTHS))) > WEBP_MAX_SIDE:
            raise ImageRejected(
                name, f"the picture is {width}×{height} pixels: too tall for its width (its renditions would be "
                f"{tallest:,} pixels tall, more than the {WEBP_MAX_SIDE:,} WebP allows); crop it"
            )
        picture.load()  # decode it all now: a truncated or corrupt file fails here, not on a reader's page
        return picture
    except ImageRejected:
        raise
    except UnidentifiedImageError:
        raise ImageRejected(name, "this is not a picture Masthead can read (JPEG, PNG or WebP; SVG is not accepted)") from None
    except PILImage.DecompressionBombError:
        raise ImageRejected(name, f"the picture has more pixels than the limit of {max_pixels:,}") from None
    except (OSError, SyntaxError, ValueError) as error:
        raise ImageRejected(name, f"the picture could not be decoded ({error})") from None


def rendition_height(width: int, height: int, rendition_width: int) -> int:
    """The height of a picture's rendition ``rendition_width`` wide (never wider than the picture)."""
    scaled = min(width, rendition_width)
    return max(1, round(height * scaled / width)) if width else height


def _encode(picture: PILImage.Image, fmt: str) -> bytes:
    """Encode ``picture`` from its pixels alone: nothing of the original file's metadata is passed on."""
    out = io.BytesIO()
    if fmt == "JPEG":
        picture.convert("RGB").save(out, "JPEG", quality=JPEG_QUALITY, optimize=True, progressive=True)
    elif fmt == "WEBP":
        picture.save(out, "WEBP", quality=WEBP_QUALITY, method=4)
    else:
        picture.save(out, "PNG", optimize=True)
    return out.getvalue()


def _pixels_only(picture: PILImage.Image) -> PILImage.Image:
    """Upright, in RGB or RGBA, as a new image that carries no ``info`` (EXIF, XMP, ICC, comments)."""
    upright = ImageOps.exif_transpose(picture)
    mode = "RGBA" if upright.mode in ("RGBA", "LA", "P") and _has_alpha(upright) else "RGB"
    converted = upright.convert(mode)
    clean = PILImage.new(mode, converted.size)
    clean.paste(converted)
    return clean


def _has_alpha(picture: PILImage.Image) -> bool:
    if picture.mode in ("RGBA", "LA"):
        return picture.getchannel("A").getextrema()[0] < 255
    return picture.mode == "P" and "transparency" in picture.info


def clean_upload(data: bytes, name: str, *, max_bytes: int, max_pixels: int) -> CleanImage:
    """Check and re-encode an upload, or raise ImageRejected naming the file and the reason."""
    if len(data) > max_bytes:
        raise ImageRejected(name, f"the file is {len(data):,} bytes, more than the limit of {max_bytes:,}")
    picture = _open(data, name, max_pixels)
    fmt = picture.format
    clean = _pixels_only(picture)
    return CleanImage(_encode(clean, fmt), fmt, *clean.size)


def renditions(data: bytes, widths=RENDITION_WIDTHS) -> list[RenditionData]:
    """Renditions of an already cleaned picture: for each width not wider than the picture (and at least
    the smallest), a WebP and a fallback (PNG when it has transparency, JPEG otherwise)."""
    picture = PILImage.open(io.BytesIO(data))
    picture.load()
    clean = _pixels_only(picture)
    fallback = "PNG" if clean.mode == "RGBA" else "JPEG"
    chosen = [w for w in widths if w < clean.width] + [min(clean.width, max(widths))]
    result = []
    for width in sorted(set(chosen)):
        height = rendition_height(clean.width, clean.height, width)
        resized = clean.resize((width, height), PILImage.Resampling.LANCZOS) if width != clean.width else clean
        for fmt in ("WEBP", fallback):
            result.append(RenditionData(width, height, fmt, _encode(resized, fmt)))
    return result
