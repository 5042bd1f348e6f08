"""Reading PDFs back with poppler-utils, as a person's PDF reader would."""

import re
import subprocess
from pathlib import Path


def pdf_text(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "doc.pdf"
    path.write_bytes(pdf)
    return subprocess.run(
        ["pdftotext", "-layout", "-enc", "UTF-8", str(path), "-"], check=True, capture_output=True
    ).stdout.decode("utf-8")


def pdf_fonts(pdf: bytes, tmp_path: Path) -> list[dict]:
    """One dict per font: name, emb (embedded), sub (subset)."""
    path = tmp_path / "fonts.pdf"
    path.write_bytes(pdf)
    lines = subprocess.run(["pdffonts", str(path)], check=True, capture_output=True, text=True).stdout.splitlines()
    fonts = []
    for line in lines[2:]:
        tokens = line.split()
        # The last five columns are emb, sub, uni, object number, generation.
        fonts.append({"name": tokens[0], "emb": tokens[-5] == "yes", "sub": tokens[-4] == "yes"})
    return fonts


def pdf_info(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "info.pdf"
    path.write_bytes(pdf)
    return subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True, text=True).stdout


def page_count(pdf: bytes, tmp_path: Path) -> int:
    return int(re.search(r"^Pages:\s+(\d+)$", pdf_info(pdf, tmp_path), re.M).group(1))


def page_numbers(text: str) -> list[tuple[int, int]]:
    """Every "第 N 页 / 共 M 页" (pdftotext keeps or drops the narrow spaces depending on the layout)."""
    return [(int(n), int(m)) for n, m in re.findall(r"第\s*(\d+)\s*页\s*/\s*共\s*(\d+)\s*页", text)]
