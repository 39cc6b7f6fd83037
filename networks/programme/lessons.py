"""A lesson's body as blocks for the template: plain text only, never HTML.

A line starting with ## is a heading, a line holding only [รูป N] (or [image N]) places the
lesson's image number N with its caption, and blank lines separate paragraphs. The template
escapes every piece of text, so nothing in a lesson can add markup.
"""

import re
from dataclasses import dataclass

IMAGE_LINE = re.compile(r"^\[(?:รูป|รูปที่|image)\s*(\d{1,3})\]$", re.IGNORECASE)


@dataclass(frozen=True)
class Block:
    kind: str  # "heading", "paragraph" or "image"
    text: str = ""
    image: object = None


def blocks(body: str, images: list) -> list[Block]:
    by_number = {image.order: image for image in images}
    result: list[Block] = []
    paragraph: list[str] = []

    def flush():
        if paragraph:
            result.append(Block("paragraph", "\n".join(paragraph)))
            paragraph.clear()

    for raw in (body or "").replace("\r\n", "\n").split("\n"):
        line = raw.strip()
        if not line:
            flush()
        elif line.startswith("#"):
            flush()
            result.append(Block("heading", line.lstrip("#").strip()))
        elif match := IMAGE_LINE.match(line):
            flush()
            image = by_number.get(int(match[1]))
            if image is not None:
                result.append(Block("image", image.caption, image))
        else:
            paragraph.append(line)
    flush()
    placed = {block.image.order for block in result if block.kind == "image"}
    result += [Block("image", image.caption, image) for image in images if image.order not in placed]
    return result
