"""Real and hostile image files for the photo tests, made here with Pillow or by hand."""

import io
import struct
import zlib

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, ImageCms

GPS_IFD = 0x8825
ORIENTATION = 0x0112


def image_bytes(image: Image.Image, fmt: str, **options) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, fmt, **options)
    return buffer.getvalue()


def upload(data: bytes, name="photo.jpg", content_type="image/jpeg") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type=content_type)


def marked_landscape(size=(600, 400)) -> Image.Image:
    """Grey, with a red block in the top-left corner: shows which way up an image is."""
    image = Image.new("RGB", size, (128, 128, 128))
    image.paste((220, 20, 20), (0, 0, size[0] // 4, size[1] // 4))
    return image


def phone_jpeg() -> bytes:
    """A phone photo stored sideways: pixels 600×400, EXIF orientation 6 (rotate 90° clockwise to
    view), with GPS coordinates, camera make and model, a JPEG comment, XMP and an ICC profile."""
    exif = Image.Exif()
    exif[ORIENTATION] = 6
    exif[0x010F] = "PhoneMaker"  # Make
    exif[0x0110] = "Pocket 12"  # Model
    exif.get_ifd(GPS_IFD).update({1: "N", 2: (9.0, 8.0, 24.0), 3: "E", 4: (99.0, 19.0, 48.0)})
    xmp = b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF><rdf:Description creator="Somchai"/></rdf:RDF></x:xmpmeta>'
    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    return image_bytes(
        marked_landscape(), "JPEG", exif=exif.tobytes(), comment=b"home of Somchai", xmp=xmp, icc_profile=icc
    )


def transparent_png_with_text() -> bytes:
    from PIL.PngImagePlugin import PngInfo

    image = Image.new("RGBA", (300, 200), (0, 0, 0, 0))
    image.paste((10, 60, 200, 255), (0, 0, 150, 200))
    info = PngInfo()
    info.add_text("Author", "Somchai Jaidee")
    info.add_text("Location", "9.14N 99.33E")
    return image_bytes(image, "PNG", pnginfo=info)


def png_header_only(width: int, height: int) -> bytes:
    """A PNG that claims width × height pixels but carries almost no data: a decompression bomb
    as far as its header goes, built by hand so the test never allocates the pixels."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    rows = zlib.compress(b"\0" * 4096)  # a sliver of the first row: the header is what counts
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", rows) + chunk(b"IEND", b"")


def compressed_bomb_png(width=8000, height=6000) -> bytes:
    """A real, complete PNG of 48 megapixels (over the 40 limit) that compresses to a few kB."""
    return image_bytes(Image.new("1", (width, height)), "PNG", optimize=True)


SVG = (
    b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
    b"<script>alert(1)</script></svg>"
)
HTML = b"<!doctype html><html><body><script>alert(document.cookie)</script></body></html>"
