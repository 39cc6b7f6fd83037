"""Reading the PDFs the site makes with poppler-utils and zbar-tools (Debian packages, installed by
.ci/run): page count and size from pdfinfo, text from pdftotext, QR codes decoded by zbarimg from
the page as pdftoppm renders it."""

import os
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest

TOOLS = ("pdfinfo", "pdftotext", "pdftoppm", "zbarimg")
A4_LANDSCAPE_PT = (841.89, 595.28)
A4_PORTRAIT_PT = (595.28, 841.89)


def require_tools():
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    if missing:
        message = f"{', '.join(missing)} not found: apt-get install poppler-utils zbar-tools"
        if os.environ.get("CI"):
            pytest.fail(message + " — CI must run the PDF tests, not skip them")
        pytest.skip(message)


def write(tmp_path: Path, data: bytes, name="document.pdf") -> Path:
    assert data.startswith(b"%PDF-"), "a PDF file"
    path = tmp_path / name
    path.write_bytes(data)
    return path


def info(path: Path) -> dict:
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)", out, re.M)[1])
    width, height = (float(x) for x in re.search(r"^Page size:\s+([\d.]+) x ([\d.]+) pts", out, re.M).groups())
    return {"pages": pages, "size": (width, height)}


def text(path: Path, page: int | None = None) -> str:
    """The text in content order (-raw keeps Thai marks after their base letters)."""
    pages = ["-f", str(page), "-l", str(page)] if page else []
    command = ["pdftotext", "-raw", *pages, str(path), "-"]
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


def comparable(value: str) -> str:
    """Text as compared with what a PDF reader extracts: compatibility forms (ำ is ํา there) and
    no spaces (pdftotext guesses word spaces from glyph positions, and may put one before a mark)."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", value))


def has(extracted: str, wanted: str) -> bool:
    return comparable(wanted) in comparable(extracted)


def qr_codes(path: Path, page: int = 1) -> list[str]:
    image = path.with_suffix(f".p{page}")
    pages = ["-f", str(page), "-l", str(page)]
    subprocess.run(["pdftoppm", "-png", "-r", "150", *pages, "-singlefile", str(path), str(image)], check=True)
    result = subprocess.run(["zbarimg", "--quiet", "--raw", f"{image}.png"], capture_output=True, text=True)
    return [line for line in result.stdout.splitlines() if line]


def same_size(actual, expected, tolerance=1.0) -> bool:
    return all(abs(a - b) <= tolerance for a, b in zip(actual, expected, strict=True))


def certificate_png(honoree, target: Path, dpi: int = 110) -> Path:
    """The honoree's certificate as it prints: page 1 of its PDF as a PNG (for `make screenshots`)."""
    from meetings.documents.certificates import certificates_pdf

    require_tools()
    pdf = target.with_suffix(".pdf")
    pdf.write_bytes(certificates_pdf(meeting=honoree.meeting, honorees=[honoree]))
    subprocess.run(
        ["pdftoppm", "-png", "-r", str(dpi), "-singlefile", str(pdf), str(target.with_suffix(""))], check=True
    )
    pdf.unlink()
    return target
