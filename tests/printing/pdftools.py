"""Reading PDFs back with poppler-utils, as a person's PDF reader would."""

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
